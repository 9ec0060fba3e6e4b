import { normaliseText } from '../../shared/text/normalise';

const WITHDRAW =
  /^(?:(?:saya|aku|sy|aq) )?(?:(?:mau|ingin|pengen|pingin) )?(?:tarik|menarik|cabut|mencabut)(?: kembali)? persetujuan(?: (?:saya|ku|data|data saya|data pribadi|data pribadi saya))?$|^withdraw(?: my)? consent$/;

/**
 * Consent taken back in the person's own words: "eh tadi saya salah pencet, saya belum mau kasih data",
 * "ga jadi setuju", "jangan simpan data aku", "I don't want to give my data".
 */
const REGRET =
  /\b(?:(?:belum|tidak|tdk|ga|gak|gk|nggak|ngga|enggak|ndak) (?:mau|jadi|ingin|pengen) (?:kasih|kasi|ngasih|memberi|memberikan|kirim|ngirim|simpan|nyimpen|menyimpan|disimpan|setuju)(?: (?:data|dataku|datanya))?|(?:ga|gak|nggak|tidak|gk) jadi setuju|jangan (?:simpan|disimpan|nyimpen|simpen) data|(?:salah|kepencet|ke ?pencet) (?:pencet|klik|tekan|pilih)? ?setuju|(?:don'? ?t|do not) want to (?:give|share|store|keep) (?:my )?data|(?:don'? ?t|do not) (?:store|keep|save) my data)\b/;
/** What the regret is about: the data or the consent, not an application ("ga jadi daftar"). */
const ABOUT_DATA = /\b(data|dataku|datanya|setuju|persetujuan|consent|simpan|disimpan|store|keep)\b/;

/** "tarik persetujuan", "saya mau menarik persetujuan", "withdraw my consent" — works from anywhere. */
export function isWithdrawalRequest(text: string): boolean {
  return WITHDRAW.test(normaliseText(text));
}

/**
 * Regret of a consent in words; a withdrawal only once consent was given (before it, the consent
 * question takes the words as a refusal).
 */
export function regretsConsent(text: string): boolean {
  const plain = normaliseText(text);
  return REGRET.test(plain) && ABOUT_DATA.test(plain);
}

/** The typed confirmation of `/hapus_data`: "ya hapus", "ya, hapus semua", "yes delete". */
export const DELETE_PHRASE =
  /^(?:ya|iya|yes) (?:hapus|delete)(?: (?:semua|semuanya|data|saya|all|everything|my))*$/;

/** The typed confirmation of a consent withdrawal: "ya tarik", "yes withdraw". */
export const WITHDRAW_PHRASE = /^(?:ya|iya|yes) (?:tarik|withdraw)(?: (?:persetujuan|consent|my))*$/;
