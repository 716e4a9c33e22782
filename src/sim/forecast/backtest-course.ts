/** Small look-ups shared by calibration and the backtest. */
import type { ForecastWorld } from './forecast';

/** The network node facing a crossing. */
export function crossingNode(world: Pick<ForecastWorld, 'crossings'>, crossingId: string): string {
  const crossing = world.crossings.find((c) => c.id === crossingId);
  if (!crossing) throw new Error(`unknown crossing "${crossingId}"`);
  return crossing.facing;
}
