// Static imports so the same bundle works on Node and on Workers (no filesystem at run time).
// Add a namespace: create locales/{id,en}/NAME.json and list it here.
import enAdmin from '../../locales/en/admin.json';
import enApplications from '../../locales/en/applications.json';
import enCatalogue from '../../locales/en/catalogue.json';
import enCommon from '../../locales/en/common.json';
import enDashboard from '../../locales/en/dashboard.json';
import enDiscovery from '../../locales/en/discovery.json';
import enEligibility from '../../locales/en/eligibility.json';
import enInbox from '../../locales/en/inbox.json';
import enIntegrations from '../../locales/en/integrations.json';
import enKnowledge from '../../locales/en/knowledge.json';
import enOrganisations from '../../locales/en/organisations.json';
import enPrivacy from '../../locales/en/privacy.json';
import enProfile from '../../locales/en/profile.json';
import enSimulator from '../../locales/en/simulator.json';
import enStaffgroup from '../../locales/en/staffgroup.json';
import enWhatsapp from '../../locales/en/whatsapp.json';
import idAdmin from '../../locales/id/admin.json';
import idApplications from '../../locales/id/applications.json';
import idCatalogue from '../../locales/id/catalogue.json';
import idCommon from '../../locales/id/common.json';
import idDashboard from '../../locales/id/dashboard.json';
import idDiscovery from '../../locales/id/discovery.json';
import idEligibility from '../../locales/id/eligibility.json';
import idInbox from '../../locales/id/inbox.json';
import idIntegrations from '../../locales/id/integrations.json';
import idKnowledge from '../../locales/id/knowledge.json';
import idOrganisations from '../../locales/id/organisations.json';
import idPrivacy from '../../locales/id/privacy.json';
import idProfile from '../../locales/id/profile.json';
import idSimulator from '../../locales/id/simulator.json';
import idStaffgroup from '../../locales/id/staffgroup.json';
import idWhatsapp from '../../locales/id/whatsapp.json';

export const resources = {
  id: {
    common: idCommon,
    admin: idAdmin,
    dashboard: idDashboard,
    inbox: idInbox,
    knowledge: idKnowledge,
    integrations: idIntegrations,
    staffgroup: idStaffgroup,
    applications: idApplications,
    catalogue: idCatalogue,
    discovery: idDiscovery,
    eligibility: idEligibility,
    organisations: idOrganisations,
    profile: idProfile,
    privacy: idPrivacy,
    simulator: idSimulator,
    whatsapp: idWhatsapp,
  },
  en: {
    common: enCommon,
    admin: enAdmin,
    dashboard: enDashboard,
    inbox: enInbox,
    knowledge: enKnowledge,
    integrations: enIntegrations,
    staffgroup: enStaffgroup,
    applications: enApplications,
    catalogue: enCatalogue,
    discovery: enDiscovery,
    eligibility: enEligibility,
    organisations: enOrganisations,
    profile: enProfile,
    privacy: enPrivacy,
    simulator: enSimulator,
    whatsapp: enWhatsapp,
  },
};
