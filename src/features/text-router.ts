import { listApplications } from '../applications/store';
import { hasCriteria, personOf, queryFromUnderstanding, withoutPerson } from '../catalogue/query';
import type { ProgrammeQuery } from '../catalogue/search';
import type { FlowContext } from '../engine/context';
import {
  type Correction,
  programmeQuestion,
  readCorrection,
  requirementQuestion,
  type Understanding,
  understand,
} from '../nlu';
import { requestedLanguage, withoutLanguageTalk } from '../nlu/language';
import { loadProfile, saveProfile } from '../profile/store';
import { PROFILE_QUESTIONS } from '../shared/profile';
import { FORM_TEXT_FIELDS, type FormField } from './apply/form';
import { describeFacts, type Stated, statedOnly } from './discover/listen';
import { applyingTo, hear, heardFacts, hearHeight, withHeard } from './heard';
import { notUnderstood, openFeature, salam, showMenu } from './menu/flow';
import { profileFromFacts } from './profile/facts';
import type { FieldId } from './profile/fields';
import { QUESTIONS_FLOW, type QuestionsFlow } from './questions/flow';
import { asksDocuments } from './questions/gate';

/** Words of learning: with them a language named is a subject ("japanese language class online"). */
const LEARN =
  /\b(course|courses|class|classes|lesson|lessons|training|school|kursus|kelas|les|pelatihan|belajar|learn|learning)\b/;

/** "tadi pendaftaranku gmn? lanjutin dong", "continue my application": going on with one, said anywhere. */
const RESUMING = /\b(lanjut|lanjutkan|lanjutin|terusin|teruskan|continue|resume)\b/;

/** "what can i do", "ada yg bisa aku ikutin ga?", "anything for people like me?": asking for oneself. */
const FOR_ME =
  /\b(for me|like me|what can i do|what can i join|anything i can|buat aku|buat gue|buat saya|untuk aku|untukku|buatku|untuk saya|bisa aku ikut\w*|aku ikut(in|i)|bisa kuikuti)\b|^\W*(terus |jadi |trus |jd )?(ada|apa) (yang|yg) (bisa|cocok)( (ga|gak|nggak|tidak|kah|ya|dong|kak|nih|sih|ngga|ndak|ka))*\W*$/;

/**
 * Where the person said they live in this conversation, as a search's place: what is near them comes
 * first (the search widens to the province and beyond when nothing is there).
 */
function heardPlace(ctx: FlowContext): ProgrammeQuery | undefined {
  const home = heardFacts(ctx).domicile;
  if (!home) return undefined;
  return home.regency ? { regency: home.regency } : { province: home.province };
}

/** Intents whose words may ask what programmes require. */
const ASKS_ABOUT = new Set(['search', 'details', 'apply', 'eligibility', 'match', 'unknown']);

/**
 * The person has already given their profile (after consent), so matching can explain each programme
 * with their own values; anyone else gets the search at once.
 */
async function profileKnown(ctx: FlowContext): Promise<boolean> {
  const p = await loadProfile(ctx.tx, ctx.user.id);
  return Boolean(p.birthDate || p.education || p.gender || p.domicileProvince);
}

/** The stored profile, or where the person said they live in this conversation ("yg deket"). */
export async function nearHomeProfile(ctx: FlowContext) {
  const stored = await loadProfile(ctx.tx, ctx.user.id);
  if (stored.domicileProvince) return stored;
  return { ...stored, ...profileFromFacts(heardFacts(ctx)) };
}

/** A search narrowed by everything the person said about themselves so far. */
function withHeardPerson(ctx: FlowContext, query: ProgrammeQuery): ProgrammeQuery {
  const person = withHeard(ctx, query.person);
  return person ? { ...query, person } : query;
}

const FORM_FIELDS: ReadonlySet<string> = new Set(FORM_TEXT_FIELDS);
const PROFILE_FIELDS: ReadonlySet<string> = new Set(PROFILE_QUESTIONS);

/**
 * A correction with no form on screen: the profile's review, the draft application's answer, or — for
 * someone who has not agreed to keep anything — what they said, used from now on in this conversation.
 */
async function correctAnywhere(ctx: FlowContext, c: Correction): Promise<boolean> {
  if (c.field === 'profile') {
    await ctx.go('profile', { mode: 'review' });
    return true;
  }
  // "ubah alamat, aku pindah ke balikpapan": where one lives, named — the domicile, kept or said back.
  if (c.field === 'address' || c.field === 'domicile') {
    const place = understand(c.value).slots;
    const province = place.province ?? place.regency?.slice(0, 2);
    if (province) {
      const domicile = { province, ...(place.regency ? { regency: place.regency } : {}) };
      const stored = await loadProfile(ctx.tx, ctx.user.id);
      if (stored.domicileProvince) {
        const { domicileRegency: _old, ...rest } = stored;
        await saveProfile(ctx.tx, ctx.user.id, {
          ...rest,
          domicileProvince: province,
          ...(place.regency ? { domicileRegency: place.regency } : {}),
        });
      }
      const said = understand(c.value);
      hear(ctx, said, { domicile });
      ctx.home();
      const facts = describeFacts(ctx, { domicile });
      const draft =
        c.field === 'address' &&
        (await listApplications(ctx.tx, ctx.user.id)).some((a) => a.status === 'draft');
      await showMenu(
        ctx,
        `${ctx.t('discovery:factsUsed', { facts })}${draft ? `\n${ctx.t('form.addressInForm')}` : ''}`,
      );
      return true;
    }
  }
  if (c.field && FORM_FIELDS.has(c.field)) {
    const apps = await listApplications(ctx.tx, ctx.user.id);
    const draft = apps.find((a) => a.status === 'draft');
    if (draft) {
      await ctx.go('apply', { slug: draft.slug, resume: 'continue', ask: c.field as FormField });
      return true;
    }
    ctx.home();
    await showMenu(ctx, ctx.t(apps.length ? 'form.changeSent' : 'form.changeNoApplication'));
    return true;
  }
  const stored = await loadProfile(ctx.tx, ctx.user.id);
  const known = Boolean(stored.birthDate || stored.gender || stored.domicileProvince || stored.education);
  if (c.field && PROFILE_FIELDS.has(c.field) && known) {
    await ctx.go('profile', {
      fields: [c.field as FieldId],
      returnTo: { flow: 'profile', params: { mode: 'review' } },
    });
    return true;
  }
  const said = understand(c.said || c.value);
  const person = personOf(said);
  if (!person) return false;
  hear(ctx, said, person);
  ctx.home();
  await showMenu(ctx, ctx.t('discovery:factsUsed', { facts: describeFacts(ctx, person) }));
  return true;
}

/** Intents a bare statement about oneself is read as ("tinggi badan aku 1,70 m" reads as eligibility). */
const STATEMENT_INTENTS = new Set(['unknown', 'eligibility', 'thanks', 'greeting']);
/** Asking whether one may join: a question, answered elsewhere, not a statement to keep. */
const ASKS_MAY_I = /\?|\b(bisa|boleh|bisakah|bolehkah|can i|could i|am i)\b/;

/**
 * "tinggiku 170", "I'm 27", "eh salah, maksudnya 170 cm bukan 17", "oops I meant 165" with nothing on
 * screen: kept for this conversation (never asked again), said back with the value read, and what it is
 * good for. A bare corrected number changes what was said last (an age, or a height from 100 cm).
 */
function acknowledgeStated(ctx: FlowContext, text: string, u: Understanding): Promise<void> | undefined {
  if (!STATEMENT_INTENTS.has(u.intent) || ASKS_MAY_I.test(text.toLowerCase())) return undefined;
  if (hasTopic(queryFromUnderstanding(u))) return undefined;
  let stated: Stated | undefined = statedOnly(text, u);
  const c = readCorrection(text);
  if (!stated?.person && stated?.height === undefined && c && !c.field && /^\d{1,3}$/.test(c.value)) {
    const n = Number(c.value);
    const last = heardFacts(ctx).last;
    if (n >= 100 && n <= 250) stated = { height: n };
    else if (last === 'age' && n >= 10 && n <= 80) stated = { person: { age: n } };
  }
  if (!stated || (!stated.person && stated.height === undefined)) return undefined;
  if (stated.person) hear(ctx, u, stated.person);
  if (stated.height !== undefined) hearHeight(ctx, stated.height);
  ctx.home();
  const facts = describeFacts(ctx, stated.person ?? {}, stated.height);
  return showMenu(ctx, `${ctx.t('discovery:factsUsed', { facts })}\n${ctx.t('discovery:factsNext')}`);
}

/** Something was said about which programmes: a kind, field, place, country or subject. */
function hasTopic(query: ProgrammeQuery): boolean {
  return Boolean(
    query.kinds ||
      query.fields ||
      query.topics ||
      query.country ||
      query.countries ||
      query.province ||
      query.regency ||
      query.places,
  );
}

/** Where a search turns to a worry: "magang jepang tapi takut ketipu lpk", "…, soalnya ortu ga ngizinin". */
const TURN_TO_WORRY = /\b(tapi|tp|tpi|but|namun|soalnya|karena|krn)\b/i;

/**
 * The knowledge base's answer to a worry said after a search in the same message, without buttons (the
 * list that follows keeps its own); undefined when the words after the turn ask for programmes themselves
 * or nothing answers them.
 */
async function worryAnswer(ctx: FlowContext, text: string): Promise<string | undefined> {
  const turn = TURN_TO_WORRY.exec(text);
  if (!turn || !ctx.hasFlow(QUESTIONS_FLOW)) return undefined;
  const clause = text.slice(turn.index);
  if (hasTopic(queryFromUnderstanding(understand(clause)))) return undefined;
  return (ctx.flow(QUESTIONS_FLOW) as QuestionsFlow).answerInPassing(ctx, clause);
}

/**
 * What free text means when the active flow did not expect it: the person's own words take them where
 * they want to go ("ada magang ke jepang gak kak?" → search results), from anywhere.
 */
export async function routeFreeText(
  ctx: FlowContext,
  text: string,
  understood?: Understanding,
): Promise<void> {
  let u = understood ?? understand(text);
  // "japanese language course in banyumas": a language to learn, not the one to be spoken.
  if (u.intent === 'language' && !requestedLanguage(text) && LEARN.test(text.toLowerCase())) {
    const learn = understand(text.replace(/\blanguages?\b/gi, ' '));
    if (learn.intent !== 'language') u = learn;
  }
  // Said once, kept for the conversation: "aku 24 thn", then "tinggal di surabaya", then "yg deket?".
  hear(ctx, u);
  const home = () => {
    ctx.home();
  };
  // "lanjut", "lanjutin daftar" the day after leaving a form: back to the unfinished application.
  // The application whose questions were left before its draft existed counts too (after "[menu]").
  if (
    u.intent === 'next' ||
    ((u.intent === 'apply' || u.intent === 'status') && RESUMING.test(u.normalized))
  ) {
    const draft = (await listApplications(ctx.tx, ctx.user.id)).find((a) => a.status === 'draft');
    if (draft) return ctx.go('apply', { slug: draft.slug });
    const started = applyingTo(ctx);
    if (started) return ctx.go('apply', { slug: started });
    if (u.intent === 'next') return notUnderstood(ctx);
  }
  // "what can i do" after "i'm 23, live in makassar": what fits them, near where they live.
  const place = heardPlace(ctx);
  if (
    place &&
    FOR_ME.test(text.toLowerCase()) &&
    ['unknown', 'eligibility', 'match', 'search'].includes(u.intent) &&
    !hasTopic(queryFromUnderstanding(u))
  )
    return ctx.go('discover', { query: withHeardPerson(ctx, place) });
  // "syarat magang jepang apa aja?", "umur 30 bisa ikut ausbildung jerman?": answered from those
  // programmes' own rules, above their list — nothing needs to be stored for that, so no consent.
  if (ASKS_ABOUT.has(u.intent)) {
    const found = requirementQuestion(text);
    // "dokumen apa aja buat magang ke luar negeri": the knowledge base's general answer fits better.
    const asked = asksDocuments(found) ? undefined : found;
    // The question's own words ("syaratnya", "disiapin") are not what the programmes are about.
    const query = asked ? queryFromUnderstanding(u) : undefined;
    if (query) delete query.text;
    // Someone whose profile is known is matched with their own answers below (the reasons per rule).
    if (asked && query && hasTopic(query) && !(await profileKnown(ctx)))
      return ctx.go('discover', { query, requirements: asked });
    // "how long is the cnc course in semarang": the named programmes' facts, above their list. The
    // fact asked is not a filter ("whats the stipend" must not hide a programme without one).
    const about = asked ? undefined : programmeQuestion(text);
    if (about) {
      const {
        text: _words,
        stipend: _s,
        dormitory: _d,
        ...named
      } = queryFromUnderstanding(u) as ProgrammeQuery & {
        stipend?: unknown;
        dormitory?: unknown;
      };
      // Named by field, country or place: "jadwal kelas sakura jam berapa?" is for the knowledge base.
      const concrete = Boolean(
        named.fields?.length ||
          named.country ||
          named.countries ||
          named.province ||
          named.regency ||
          named.places,
      );
      if (concrete) return ctx.go('discover', { query: named, requirements: about });
    }
  }
  // "ubah profil", "ganti nomor hp", "eh bukan, umurku 24" with nothing on screen.
  const correction = readCorrection(text);
  if (correction && (await correctAnywhere(ctx, correction))) return;
  const acknowledged = acknowledgeStated(ctx, text, u);
  if (acknowledged) return acknowledged;
  // Questions the knowledge base answers ("ini aman ga kak? … ketipu lpk") and feelings ("😭😭😭🙏").
  if (
    ctx.hasFlow(QUESTIONS_FLOW) &&
    (await (ctx.flow(QUESTIONS_FLOW) as QuestionsFlow).respond(ctx, text, u))
  )
    return;
  switch (u.intent) {
    case 'greeting':
      home();
      return showMenu(ctx, `${salam(ctx)}${ctx.t('smalltalk.greeting')}`);
    case 'thanks':
      home();
      return showMenu(ctx, ctx.t('smalltalk.thanks'));
    case 'search':
    case 'details':
    case 'apply':
    case 'subscribe': {
      const profile = u.slots.constraints?.nearHome ? await nearHomeProfile(ctx) : undefined;
      let query = withHeardPerson(ctx, queryFromUnderstanding(u, profile));
      // "I live in Tual, the Ambon electrical course is too far. anything closer?": the programme named
      // elsewhere is the one too far; what is near home is asked, whatever its trade.
      const homeRegency = profile?.domicileRegency;
      const homeProvince = profile?.domicileProvince;
      const named = [query.regency, query.province, ...(query.places ?? [])].filter((c): c is string =>
        Boolean(c),
      );
      if (homeProvince && named.length && !named.some((c) => c === homeRegency || c === homeProvince)) {
        const {
          regency: _r,
          province: _p,
          places: _pl,
          fields: _f,
          fieldWords: _fw,
          text: _t,
          ...rest
        } = query as ProgrammeQuery & { fieldWords?: unknown };
        query = { ...rest, ...(homeRegency ? { regency: homeRegency } : { province: homeProvince }) };
      }
      // "enek pelatihan opo ae?" after "aku arek suroboyo": no place named, so near where they live.
      const home = heardPlace(ctx);
      if (home && !query.province && !query.regency && !query.places && !query.country && !query.countries)
        query = { ...query, ...home };
      if (u.intent === 'subscribe') return ctx.go('discover', { query, subscribe: true });
      // Someone whose profile is known gets matched with reasons; anyone else gets the search at once,
      // narrowed by what they said about themselves (nothing is stored, so no consent is asked first).
      if (u.slots.education && (await profileKnown(ctx)))
        return openFeature(ctx, 'match', { query: withoutPerson(query), education: u.slots.education });
      if (Object.keys(query).length === 0 && u.intent === 'details') return notUnderstood(ctx);
      // "mau daftar pelatihan web developer bandung" and there is exactly one: straight to applying.
      if (u.intent === 'apply' && Object.keys(query).length)
        return ctx.go('discover', { query, applyIfOne: true });
      // "pengen kerja di luar negeri tp ortu ga ngizinin": the worry after "tapi" is answered too.
      const worry = await worryAnswer(ctx, text);
      if (worry) ctx.say(worry);
      return ctx.go('discover', { query });
    }
    case 'match': {
      const query = queryFromUnderstanding(u);
      if (hasTopic(query) && !(await profileKnown(ctx))) return ctx.go('discover', { query });
      return openFeature(ctx, 'match', u.slots.education ? { education: u.slots.education } : {});
    }
    case 'eligibility': {
      // "umur 30 bisa ikut magang jepang?": the programmes of that kind that fit, each with its reasons.
      const query = queryFromUnderstanding(u);
      if (hasCriteria(query) && !(await profileKnown(ctx))) return ctx.go('discover', { query });
      // Matching judges with the stored profile, not with what this message said.
      if (hasCriteria(query)) return openFeature(ctx, 'match', { query: withoutPerson(query) });
      return openFeature(ctx, 'eligibility');
    }
    case 'status':
      return openFeature(ctx, 'applications');
    case 'help':
      return ctx.go('help');
    case 'handoff':
      return openFeature(ctx, 'handoff');
    case 'language': {
      // "can you help in English?": switch at once, and answer whatever else the message asks.
      const wanted = requestedLanguage(text);
      if (!wanted) return ctx.go('language');
      ctx.patchUser({ locale: wanted, localeChosen: true });
      const rest = withoutLanguageTalk(text);
      if (rest && understand(rest).intent !== 'language') {
        ctx.say(ctx.t('language.changed'));
        return routeFreeText(ctx, rest);
      }
      home();
      return showMenu(ctx, ctx.t('language.changed'));
    }
    case 'privacy_export':
      return openFeature(ctx, 'privacy', { action: 'export' });
    case 'privacy_delete':
      return openFeature(ctx, 'privacy', { action: 'delete' });
    case 'stop':
      ctx.patchUser({ broadcastsStopped: true });
      home();
      return showMenu(ctx, ctx.t('broadcasts.stopped'));
    case 'resume':
      ctx.patchUser({ broadcastsStopped: false });
      home();
      return showMenu(ctx, ctx.t('broadcasts.resumed'));
    case 'menu':
    case 'cancel':
    case 'back':
      return ctx.go('menu');
    default:
      return notUnderstood(ctx);
  }
}
