// The settings domain: user preferences kept in the metadata index (today, the clipboard countdown).
import type { CoreDeps } from '../deps';
import type { HandlerPart } from '../ipc/handlers';

export function settingsHandlers(
  d: Pick<CoreDeps, 'index' | 'logger'>,
): HandlerPart<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => d.index.settings,
    'settings.update': async (r) => {
      const next = await d.index.mutate((draft) => (draft.settings = { ...draft.settings, ...r }));
      d.logger.info('settings.updated', { fields: Object.keys(r).join(',') });
      return next;
    },
  };
}
