import type { FlowContext } from '../engine/context';
import { FlowRegistry } from '../engine/flow';
import type { GlobalCommand } from '../engine/keywords';
import type { Router } from '../engine/router';
import { matchChoice } from '../nlu';
import { helpFlow } from './help/flow';
import { menuFlow, openFeature, showMenu } from './menu/flow';
import { profileFlow } from './profile/flow';
import { languageFlow, settingsFlow } from './settings/flow';

/** Every conversation feature, registered once; the menu opens them by id. */
export function createRegistry(): FlowRegistry {
  return new FlowRegistry().register(menuFlow, helpFlow, settingsFlow, languageFlow, profileFlow);
}

async function globals(ctx: FlowContext, command: GlobalCommand): Promise<void> {
  switch (command.command) {
    case 'start':
      return ctx.go('menu', { greet: true });
    case 'menu':
      return ctx.go('menu');
    case 'help':
      return ctx.go('help');
    case 'cancel':
      if (ctx.state.flow !== 'menu') ctx.say(ctx.t('cancel.done'));
      return ctx.go('menu');
    case 'language':
      return ctx.go('language');
    case 'settings':
      return ctx.go('settings');
    case 'stop':
      ctx.patchUser({ broadcastsStopped: true });
      ctx.state = { flow: 'menu', step: 'start', data: {} };
      return showMenu(ctx, ctx.t('broadcasts.stopped'));
    case 'resume':
      ctx.patchUser({ broadcastsStopped: false });
      ctx.state = { flow: 'menu', step: 'start', data: {} };
      return showMenu(ctx, ctx.t('broadcasts.resumed'));
    case 'human':
      return openFeature(ctx, 'handoff');
    case 'my_data':
      return openFeature(ctx, 'privacy', { action: 'export' });
    case 'delete_data':
      return openFeature(ctx, 'privacy', { action: 'delete' });
  }
}

export function createRouter(): Router {
  return {
    globals,
    matchChoice,
    homeFlow: 'menu',
    welcome: (ctx) => ctx.go('menu', { greet: true }),
  };
}
