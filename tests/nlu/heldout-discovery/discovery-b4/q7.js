module.exports = [
  ['min ada pelatihan ngelas yg dpt asrama + makan? dmn aja gpp, sy 20th laki2 tamat smk', 'las-balikpapan', 'F:las', 'dorm + meals welding pelatihan: only Balikpapan has asrama; others acceptable', { g: 'L', age: 20, edu: 'SMA' }],
  ['kerja di luar negeri jadi tukang, brunei ato malaysia', 'bn-bangunan-pontianak my-sawit-lombok', '', 'alternatives ASEAN'],
  ['sa pace dari jayapura umur 24, sudah kerja di bengkel, mau tambah ilmu komputer', 'tik-jayapura-oap', 'usaha-papua-daring', 'working; OAP tik has no status rule', { g: 'L', age: 24, dom: '91.71', st: ['bekerja'] }],
];
