import type { Flow } from '../../engine/flow';
import { openFeature, showMenu } from '../menu/flow';
import { routeFreeText } from '../text-router';

export const settingsFlow: Flow<'settings'> = {
  id: 'settings',
  async start(ctx) {
    ctx.ask(
      ctx.t('settings.prompt', {
        language: ctx.t(`language.name.${ctx.locale}`),
        simpleText: ctx.t(ctx.simpleText ? 'settings.on' : 'settings.off'),
        broadcasts: ctx.t(
          (ctx.userPatch.broadcastsStopped ?? ctx.user.broadcastsStopped) ? 'settings.off' : 'settings.on',
        ),
      }),
      [
        { id: 'settings:profile', label: ctx.t('settings.profile') },
        { id: 'settings:language', label: ctx.t('settings.language') },
        { id: 'settings:simple', label: ctx.t(ctx.simpleText ? 'settings.simpleOff' : 'settings.simpleOn') },
        {
          id: 'settings:broadcasts',
          label: ctx.t(
            (ctx.userPatch.broadcastsStopped ?? ctx.user.broadcastsStopped)
              ? 'settings.broadcastsOn'
              : 'settings.broadcastsOff',
          ),
        },
        { id: 'settings:my_data', label: ctx.t('settings.myData') },
        { id: 'settings:withdraw', label: ctx.t('privacy:settings.withdraw') },
        { id: 'settings:delete_data', label: ctx.t('settings.deleteData') },
      ],
    );
  },
  async handle(ctx, input) {
    if (input.kind === 'choice') {
      switch (input.id) {
        case 'settings:profile':
          return ctx.go('profile', { mode: 'review' });
        case 'settings:language':
          return ctx.go('language');
        case 'settings:simple': {
          const next = !ctx.simpleText;
          ctx.patchUser({ simpleText: next });
          ctx.say(ctx.t(next ? 'settings.simpleEnabled' : 'settings.simpleDisabled'));
          return ctx.go('settings');
        }
        case 'settings:broadcasts': {
          const stopped = !(ctx.userPatch.broadcastsStopped ?? ctx.user.broadcastsStopped);
          ctx.patchUser({ broadcastsStopped: stopped });
          ctx.say(ctx.t(stopped ? 'broadcasts.stopped' : 'broadcasts.resumed'));
          return ctx.go('settings');
        }
        case 'settings:my_data':
          return openFeature(ctx, 'privacy', { action: 'export' });
        case 'settings:delete_data':
          return openFeature(ctx, 'privacy', { action: 'delete' });
        case 'settings:withdraw':
          return openFeature(ctx, 'privacy', { action: 'withdraw' });
      }
    }
    // Words typed here go where they point ("how does this bot work?"), like everywhere else.
    if (input.kind === 'text') return routeFreeText(ctx, input.text);
    ctx.say(ctx.t('fallback.pickOption'));
    await ctx.go('settings');
  },
};

export const languageFlow: Flow<'language'> = {
  id: 'language',
  async start(ctx) {
    ctx.ask(ctx.t('language.prompt'), [
      { id: 'language:id', label: ctx.t('language.name.id') },
      { id: 'language:en', label: ctx.t('language.name.en') },
    ]);
  },
  async handle(ctx, input) {
    if (input.kind === 'choice' && (input.id === 'language:id' || input.id === 'language:en')) {
      ctx.patchUser({ locale: input.id === 'language:id' ? 'id' : 'en', localeChosen: true });
      ctx.home();
      return showMenu(ctx, ctx.t('language.changed'));
    }
    ctx.say(ctx.t('fallback.pickOption'));
    await ctx.go('language');
  },
};
