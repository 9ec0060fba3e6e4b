import { normaliseText } from '../../shared/text/normalise';

const WITHDRAW =
  /^(?:(?:saya|aku|sy|aq) )?(?:(?:mau|ingin|pengen|pingin) )?(?:tarik|menarik|cabut|mencabut)(?: kembali)? persetujuan(?: (?:saya|ku|data|data saya|data pribadi|data pribadi saya))?$|^withdraw(?: my)? consent$/;

/** "tarik persetujuan", "saya mau menarik persetujuan", "withdraw my consent" — works from anywhere. */
export function isWithdrawalRequest(text: string): boolean {
  return WITHDRAW.test(normaliseText(text));
}

/** The typed confirmation of `/hapus_data`: "ya hapus", "ya, hapus semua", "yes delete". */
export const DELETE_PHRASE =
  /^(?:ya|iya|yes) (?:hapus|delete)(?: (?:semua|semuanya|data|saya|all|everything|my))*$/;

/** The typed confirmation of a consent withdrawal: "ya tarik", "yes withdraw". */
export const WITHDRAW_PHRASE = /^(?:ya|iya|yes) (?:tarik|withdraw)(?: (?:persetujuan|consent|my))*$/;
