import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { CopyButton } from './copy-button';

describe('CopyButton', () => {
  it('copies the text and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    renderWithProviders(<CopyButton text="AB3X9K" label="Скопировать код" />);
    await user.click(screen.getByRole('button', { name: 'Скопировать код' }));
    expect(writeText).toHaveBeenCalledWith('AB3X9K');
    expect(await screen.findByText('Скопировано')).toBeInTheDocument();
  });

  it('tells the person when the browser refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    renderWithProviders(<CopyButton text="AB3X9K" label="Copy code" />, { locale: 'en' });
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await screen.findByText('Could not copy — please select the text by hand.')).toBeInTheDocument();
  });
});
