// Every personal-data source that needs nothing but the database, registered once on import (a
// channel's own, such as WhatsApp's, by src/channels/index.ts). A domain
// that keeps personal data in its own tables registers a source from its own module and adds an import
// here; one that needs runtime services registers where they are built (applications: src/runtime.ts,
// see ./applications.ts).
import { registerPersonalDataSource } from '../registry';
import { CORE_SOURCES } from './core';
import { handoffsSource } from './handoffs';
import { otherTablesSource } from './other';

for (const source of [...CORE_SOURCES, handoffsSource, otherTablesSource]) registerPersonalDataSource(source);
