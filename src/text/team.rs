//! The `README.md` that `zi init` writes for the team, in the plan's
//! language: where evidence goes and the three commands to run.

/// What the README needs to know of the plan.
pub(crate) struct TeamReadme<'a> {
    pub(crate) unit: &'a str,
    pub(crate) year: i32,
    /// One indicator's evidence folder, as an example of where files go.
    pub(crate) example_folder: Option<&'a str>,
}

pub(super) fn en(r: &TeamReadme) -> String {
    let example = r.example_folder.map_or_else(String::new, |folder| {
        format!(
            "\nFor example, a document of March {} for the first indicator:\n\n    {folder}/{}-03/\n",
            r.year, r.year
        )
    });
    format!(
        "# Integrity Zone work plan {year}: {unit}\n\
         \n\
         This repository keeps the unit's work plan (RKT) for the Integrity Zone\n\
         as text, read by `zi`: `zi.toml` names the unit and the year, and\n\
         `plan/` holds one file per indicator, by area and component.\n\
         \n\
         ## Where evidence goes\n\
         \n\
         Every indicator has an evidence folder under `evidence/`, on the same\n\
         path as its plan file under `plan/` (without `.toml`). Put each\n\
         document in a month folder `YYYY-MM` of the month it belongs to.\n\
         {example}\
         \n\
         ## Three commands\n\
         \n\
         \x20   zi status     # what is done, due and overdue, by area\n\
         \x20   zi check      # what the plan and the evidence still lack\n\
         \x20   zi overdue    # the periods past their target without their documents\n\
         \n\
         `zi hook install` runs `zi overdue` before every commit.\n",
        year = r.year,
        unit = r.unit,
    )
}

pub(super) fn id(r: &TeamReadme) -> String {
    let example = r.example_folder.map_or_else(String::new, |folder| {
        format!(
            "\nMisalnya, dokumen bulan Maret {} untuk indikator pertama:\n\n    {folder}/{}-03/\n",
            r.year, r.year
        )
    });
    format!(
        "# Rencana kerja Zona Integritas {year}: {unit}\n\
         \n\
         Repositori ini menyimpan rencana kerja tahunan (RKT) pembangunan Zona\n\
         Integritas unit kerja sebagai teks yang dibaca `zi`: `zi.toml` menyebut\n\
         unit kerja dan tahunnya, dan `plan/` berisi satu berkas per indikator,\n\
         menurut area dan komponen.\n\
         \n\
         ## Tempat bukti\n\
         \n\
         Setiap indikator punya folder bukti di `evidence/`, dengan jalur yang\n\
         sama dengan berkas rencananya di `plan/` (tanpa `.toml`). Simpan setiap\n\
         dokumen di folder bulan `YYYY-MM`, bulan dokumen itu.\n\
         {example}\
         \n\
         ## Tiga perintah\n\
         \n\
         \x20   zi status     # apa yang selesai, jatuh tempo dan terlambat, per area\n\
         \x20   zi check      # apa yang masih kurang dari rencana dan buktinya\n\
         \x20   zi overdue    # periode yang lewat target waktunya tanpa dokumen lengkap\n\
         \n\
         `zi hook install` menjalankan `zi overdue` sebelum setiap commit.\n",
        year = r.year,
        unit = r.unit,
    )
}
