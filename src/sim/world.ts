/** The facts the model runs on, as plain data (src/data validates the files and builds this). */
import type { RoadNetwork } from './network';

export interface CrossingInfo {
  id: string;
  name: string;
  usState: string;
  lat: number;
  lon: number;
  /** US Border Patrol sector. */
  sector: string;
  /** The Mexican network node facing the port. */
  facing: string;
  /** IANA zone of the port: arrival dates are shown in it. */
  timeZone: string;
}

export interface DeploymentInfo {
  id: string;
  force: 'active-duty' | 'national-guard';
  unit: string;
  count: number;
  usState: string;
  sectors: readonly string[];
  base: { name: string; lat: number; lon: number };
  tasks: readonly string[];
  announced: string;
  ordered: string | null;
  arriving: string;
  inPosition: string;
  end: string | null;
}

export interface ObservationInfo {
  date: string;
  group: 'lead' | 'main' | 'rear';
  place: string;
  headcount?: number | null;
}

export interface World {
  network: RoadNetwork;
  crossings: readonly CrossingInfo[];
  deployments: readonly DeploymentInfo[];
  observations: readonly ObservationInfo[];
}
