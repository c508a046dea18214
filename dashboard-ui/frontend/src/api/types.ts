/** Shapes of the dashboard's and the services' answers, as far as the screens read them. */
export type Role = 'owner' | 'editor' | 'viewer' | 'approver';

export interface Me {
  user: { id: string; username: string; admin: boolean };
  teams: { id: string; name: string; role: Role }[];
}

export type Severity = 'extreme' | 'high' | 'medium' | 'low';
export const SEVERITIES: Severity[] = ['extreme', 'high', 'medium', 'low'];
export const SEVERITY_LABEL: Record<Severity, string> = { extreme: 'Extreme', high: 'High', medium: 'Medium', low: 'Low/Info' };

export interface ChainType {
  id: string;
  family: string;
  consensus: string;
  networks?: string[];
}

export interface Location {
  name: string;
  runtime: string;
}

export interface ReplicaSettings {
  total: number;
  locations: { name: string; count: number }[];
  extraArgs?: string[];
}

export interface Project {
  id: string;
  name: string;
  chainType: string;
  replicas: ReplicaSettings;
  binarySha256?: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface BinaryInfo {
  sha256: string;
  size: number;
  kind: string;
  entryPoint?: string;
  uploadedBy?: string;
  uploadedAt?: string;
}

export interface Replica {
  id: string;
  location: string;
  state: string;
  pid?: number | null;
  rpcUrl?: string;
  wsUrl?: string;
  p2pAddress?: string;
  restarts: number;
  binarySha256?: string;
  lastExitCode?: number | null;
}

export interface Deployment {
  projectId: string;
  binarySha256: string;
  rollout: { state: string; detail?: string };
  replicas: Replica[];
}
