import { Injectable } from '@nestjs/common';

/** Set when the process has been asked to stop, so readiness fails before the listener closes. */
@Injectable()
export class ShutdownState {
  private isDraining = false;

  get draining(): boolean {
    return this.isDraining;
  }

  beginDraining(): void {
    this.isDraining = true;
  }
}
