import type { Flow } from '../../engine/flow';
import { showMenu } from '../menu/flow';

export const helpFlow: Flow<'help'> = {
  id: 'help',
  async start(ctx) {
    ctx.say(ctx.t('help.text'));
    ctx.home();
    await showMenu(ctx);
  },
  async handle(ctx) {
    await ctx.go('menu');
  },
};
