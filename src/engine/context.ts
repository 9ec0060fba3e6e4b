import type { TFunction } from 'i18next';
import type { Tx } from '../db/client';
import type { ConversationState } from '../db/schema';
import { type Locale, tFor } from '../i18n';
import { type Clock, systemClock } from '../shared/clock';
import type { Choice, Inbound, Outbound } from '../shared/conversation';
import { newScreenToken } from './choices';
import type { AnyFlow, FlowId, FlowParams, FlowRegistry, FlowTarget } from './flow';

export interface UserView {
  id: string;
  locale: Locale;
  localeChosen: boolean;
  displayName: string | null;
  simpleText: boolean;
  broadcastsStopped: boolean;
}

export type UserPatch = Partial<
  Pick<UserView, 'locale' | 'localeChosen' | 'simpleText' | 'broadcastsStopped'>
>;

export interface AskOptions {
  /** Add the standard "Menu" and "Bicara dengan petugas" choices (default true). */
  nav?: boolean;
  requestContact?: boolean;
}

export const NAV_MENU = 'nav:menu';
export const NAV_HUMAN = 'nav:human';

/** Everything one update's flow code may touch: the transaction, the person, the reply being built. */
export class FlowContext {
  readonly replies: Outbound[] = [];
  readonly userPatch: UserPatch = {};
  /** What the person said about themselves is to be forgotten at the end of this turn (consent refused). */
  forgetHeard = false;
  private tCache = new Map<string, TFunction>();
  private readonly writes: Promise<void>[] = [];
  private failedWrite: { error: unknown } | undefined;

  constructor(
    readonly tx: Tx,
    readonly user: UserView,
    readonly inbound: Inbound,
    public state: ConversationState,
    private readonly registry: FlowRegistry,
    private prefetched?: { flow: string; value: unknown },
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * What the active flow's `prefetch` read with the turn's first statement, once: the flow takes it at
   * the start of its `handle`, before anything of this turn is written (later it would be stale).
   * `undefined` when the turn began in another flow or it was taken already.
   */
  takePrefetched(flowId: string): unknown {
    const p = this.prefetched;
    this.prefetched = undefined;
    return p && p.flow === flowId && p.value !== null ? p.value : undefined;
  }

  /** The turn's wall clock (the engine's, src/shared/clock.ts): never `new Date()` in a flow. */
  now(): Date {
    return this.clock();
  }

  get locale(): Locale {
    return this.userPatch.locale ?? this.user.locale;
  }

  get simpleText(): boolean {
    return this.userPatch.simpleText ?? this.user.simpleText;
  }

  /** Translate in the person's current language; `ns:key` reaches other namespaces. */
  t(key: string, vars?: Record<string, unknown>): string {
    let t = this.tCache.get(this.locale);
    if (!t) {
      t = tFor(this.locale);
      this.tCache.set(this.locale, t);
    }
    return t(key, vars ?? {}) as string;
  }

  say(text: string): void {
    this.replies.push({ type: 'text', text });
  }

  /** Sends a question with choices; the choices become the current screen (buttons or "Balas 1–5"). */
  ask(text: string, choices: Choice[], options: AskOptions = {}): void {
    const all = options.nav === false ? choices : [...choices, ...this.navChoices()];
    const token = newScreenToken();
    // With no options of its own the question wants typed text: "2" is an answer, not "Petugas".
    const freeText = choices.length === 0;
    this.state = {
      ...this.state,
      screen: {
        token,
        ids: all.map((c) => c.id),
        labels: all.map((c) => c.label),
        ...(freeText ? { freeText } : {}),
      },
    };
    this.replies.push({
      type: 'text',
      text,
      choices: all,
      token,
      ...(options.requestContact ? { requestContact: true } : {}),
      ...(freeText ? { freeText } : {}),
    });
  }

  navChoices(): Choice[] {
    return [
      { id: NAV_MENU, label: this.t('nav.menu') },
      { id: NAV_HUMAN, label: this.t('nav.human') },
    ];
  }

  send(message: Outbound): void {
    this.replies.push(message);
  }

  setStep(step: string, data?: Record<string, unknown>): void {
    this.state = { ...this.state, step, data: data ?? this.state.data, misses: 0 };
  }

  patchData(patch: Record<string, unknown>): void {
    this.state = { ...this.state, data: { ...this.state.data, ...patch } };
  }

  /** Switches to another flow and starts it; the id and the params are checked by the compiler. */
  async go<K extends FlowId>(flowId: K, params?: FlowParams[K]): Promise<void> {
    const flow = this.flow(flowId);
    // What the person said about themselves stays with the conversation, whichever flow runs.
    const { heard } = this.state;
    this.state = { flow: flow.id, step: 'start', data: {}, misses: 0, ...(heard ? { heard } : {}) };
    await flow.start(this, params);
  }

  /** `go` to a target saved earlier (where the profile questions return to). */
  goTo(target: FlowTarget): Promise<void> {
    return this.go<FlowId>(target.flow, target.params as FlowParams[FlowId] | undefined);
  }

  /**
   * Back on the home screen (the menu) without showing it: the state the next answer is read in. The
   * caller says or asks what comes next (usually `showMenu`).
   */
  home(data?: Record<string, unknown>): void {
    this.state = this.registry.homeState(data);
  }

  /** The home flow's id ("menu"). */
  get homeFlow(): FlowId {
    return this.registry.home;
  }

  hasFlow(flowId: string): flowId is FlowId {
    return this.registry.get(flowId) !== undefined;
  }

  flow(flowId: string): AnyFlow {
    const flow = this.registry.get(flowId);
    if (!flow) throw new Error(`Unknown flow ${flowId}`);
    return flow;
  }

  patchUser(patch: UserPatch): void {
    Object.assign(this.userPatch, patch);
  }

  /**
   * A write on `tx` whose answer the flow does not need (saving an answer): sent now but not waited
   * for, so it reaches Postgres in the same write as the turn's next statement — often the turn's own
   * save and COMMIT — a round trip less per step (issue #15). A transaction's statements run in order,
   * so later reads see it. If it fails, the turn fails as if the flow had thrown (Engine.turn asks
   * `writesFailed()`): the transaction is rolled back and the person gets the apology.
   */
  writeBehind(write: Promise<unknown>): void {
    this.writes.push(
      write.then(
        () => {},
        (error: unknown) => {
          this.failedWrite ??= { error };
        },
      ),
    );
  }

  /** Once every write-behind has answered: the first that failed, if any. */
  async writesFailed(): Promise<{ error: unknown } | undefined> {
    await Promise.all(this.writes);
    return this.failedWrite;
  }
}
