/**
 * Every provider stage the sandbox plays, in one list: `startSandbox()` starts them all (or the kinds it
 * is given), each under `/{kind}`. A new provider is a sibling folder of `connectpay/` with a
 * `create…Stage(options)` factory, and one line here.
 */
import type { ProviderStage, StageOptions } from '../shared/stage.js';
import { createCardGatewayStage } from './cardgateway/index.js';
import { createConnectPayStage } from './connectpay/index.js';
import { createFintectureStage } from './fintecture/index.js';
import { createPaytechStage } from './paytech/index.js';

export const STAGES = [
  { kind: 'connectpay', create: createConnectPayStage },
  { kind: 'fintecture', create: createFintectureStage },
  { kind: 'cardgateway', create: createCardGatewayStage },
  { kind: 'paytech', create: createPaytechStage },
] as const satisfies readonly {
  kind: string;
  create: (options: StageOptions) => ProviderStage;
}[];

export type StageKind = (typeof STAGES)[number]['kind'];

/** The stage type a kind's factory makes: `StageOf<'connectpay'>` is `ConnectPayStage`. */
export type StageOf<Kind extends StageKind> = ReturnType<
  Extract<(typeof STAGES)[number], { kind: Kind }>['create']
>;

export const STAGE_KINDS: readonly StageKind[] = STAGES.map((stage) => stage.kind);

export function isStageKind(value: string): value is StageKind {
  return (STAGE_KINDS as readonly string[]).includes(value);
}
