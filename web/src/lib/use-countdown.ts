import { useEffect, useState } from 'react';

/** Whole seconds left until `deadline` (epoch ms), ticking once a second; 0 when passed or null. */
export function useCountdown(deadline: number | null): number {
  const compute = () => (deadline === null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
  const [secondsLeft, setSecondsLeft] = useState(compute);

  useEffect(() => {
    setSecondsLeft(compute());
    if (deadline === null) return undefined;
    const timer = setInterval(() => {
      const left = compute();
      setSecondsLeft(left);
      if (left <= 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
    // compute depends only on deadline
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deadline]);

  return secondsLeft;
}
