import type { AdminContext } from '../../context';
import { k } from './format';

export type SettingsTab = 'account' | 'members' | 'service' | 'integrations';

const TABS: { key: SettingsTab; href: string }[] = [
  { key: 'account', href: '/admin/settings' },
  { key: 'members', href: '/admin/settings/members' },
  { key: 'service', href: '/admin/settings/service' },
  { key: 'integrations', href: '/admin/settings/integrations' },
];

/** The parts of the settings, as tabs that wrap on a phone. */
export function SettingsTabs(props: { c: AdminContext; current: SettingsTab }) {
  const t = props.c.var.t;
  return (
    <nav aria-label={k(t, 'tabs.label')}>
      <ul class="tabs">
        {TABS.map((tab) => (
          <li>
            <a href={tab.href} aria-current={tab.key === props.current ? 'page' : undefined}>
              {k(t, `tabs.${tab.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
