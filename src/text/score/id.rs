//! Bahasa Indonesia.

use super::words::{names, ScoreLabels, ScoreWords};
use crate::model::assessment::Assessor;
use crate::model::lke::FaultKind;
use crate::problem::LkeKind;

pub(crate) struct Id;
pub(crate) static ID: Id = Id;

impl ScoreWords for Id {
    fn problem(&self, kind: &LkeKind) -> String {
        match kind {
            LkeKind::UnknownLke { name, .. } => {
                format!("tidak ada LKE bawaan maupun berkas bernama \"{name}\"")
            }
            LkeKind::Fault(fault) => self.fault(fault),
            LkeKind::UnknownQuestion { id, .. } => format!("LKE tidak memiliki pertanyaan `{id}`"),
            LkeKind::AnswerOutsideScale { question, answer, scale } => {
                format!("\"{answer}\" bukan jawaban `{question}` (skala {scale})")
            }
            LkeKind::InputsExpected { question, .. } => {
                format!("`{question}` adalah butir persentase: diisi dengan datanya, bukan jawaban")
            }
            LkeKind::AnswerExpected { question, scale } => {
                format!("`{question}` dijawab dengan satu pilihan {scale}, bukan data")
            }
            LkeKind::MissingInput { question, input } => format!("`{question}` tidak memuat data `{input}`"),
            LkeKind::UnknownInput { question, input, .. } => {
                format!("`{question}` tidak memiliki data `{input}`")
            }
            LkeKind::BadInput { question, input, value } => {
                format!("data `{input}` pada `{question}` bernilai {value}, bukan jumlah nol atau lebih")
            }
            LkeKind::UnknownResult { key, .. } => format!("LKE tidak memiliki hasil `{key}`"),
            LkeKind::ResultOutOfRange { key, value, range } => format!("`{key}` = {value} di luar {range}"),
            LkeKind::OtherLke { found, expected } => {
                format!(
                    "penilaian ini untuk LKE \"{found}\", sedangkan rencana dinilai dengan \"{expected}\""
                )
            }
            LkeKind::UnknownValue { key, value, .. } => format!("`{key}` \"{value}\" tidak dikenal"),
        }
    }

    fn hint(&self, kind: &LkeKind) -> String {
        match kind {
            LkeKind::UnknownLke { builtin, .. } => {
                format!("tulis lke = \"{builtin}\" (bawaan), atau path berkas LKE dari akar repositori")
            }
            LkeKind::Fault(_) => {
                "lihat \"The LKE file\" di docs/format.md; sampai diperbaiki zi menilai dengan LKE bawaan"
                    .into()
            }
            LkeKind::UnknownQuestion { suggestion: Some(s), .. } => format!("maksud Anda `{s}`?"),
            LkeKind::UnknownQuestion { suggestion: None, .. } => {
                "id ditulis seperti tercetak di LKE, mis. P.I.i.a; `zi score --questions` mendaftarnya".into()
            }
            LkeKind::AnswerOutsideScale { scale, .. } | LkeKind::AnswerExpected { scale, .. } => {
                format!("jawab salah satu dari {}", scale.replace('/', ", "))
            }
            LkeKind::InputsExpected { question, inputs } => {
                let example: Vec<String> = inputs.iter().map(|i| format!("{i} = 0")).collect();
                format!("tulis \"{question}\" = {{ {} }}", example.join(", "))
            }
            LkeKind::MissingInput { input, .. } => {
                format!("tambahkan {input} = … (jumlah); sampai itu nilai butir ini 0")
            }
            LkeKind::UnknownInput { suggestion: Some(s), .. } => format!("maksud Anda `{s}`?"),
            LkeKind::UnknownInput { known, .. } => format!("datanya: {}", names(known)),
            LkeKind::BadInput { .. } => "tulis jumlah: 0, 1, 2, …".into(),
            LkeKind::UnknownResult { suggestion: Some(s), .. } => format!("maksud Anda `{s}`?"),
            LkeKind::UnknownResult { known, .. } => format!("hasil yang ada: {}", names(known)),
            LkeKind::ResultOutOfRange { range, .. } => format!("tulis nilai {range}"),
            LkeKind::OtherLke { expected, .. } => {
                format!(
                    "hapus `lke` dari penilaian, atau tulis lke = \"{expected}\" bila memang dibuat untuknya"
                )
            }
            LkeKind::UnknownValue { known, .. } => format!("tulis salah satu dari {}", known.join(", ")),
        }
    }

    fn fault(&self, fault: &FaultKind) -> String {
        match fault {
            FaultKind::Shape { message } => format!("bukan berkas LKE: {message}"),
            FaultKind::BadId { id } => format!("`{id}` bukan id dengan bentuk LKE"),
            FaultKind::DuplicateId { id } => format!("`{id}` dinyatakan dua kali"),
            FaultKind::NoParent { id } => format!("`{id}` tidak termasuk bagian mana pun yang dinyatakan"),
            FaultKind::UnknownScale { scale } => format!("skala \"{scale}\" tidak dikenal"),
            FaultKind::UnknownInput { question, input } => {
                format!("rumus `{question}` menyebut data `{input}` yang tidak ada")
            }
            FaultKind::BadNumber { value } => format!("{value} bukan angka yang dapat dipakai"),
            FaultKind::ScaleLength { scale, answers: 0, .. } => {
                format!("skala \"{scale}\" tidak punya jawaban")
            }
            FaultKind::ScaleLength { scale, answers, values } => {
                format!("skala \"{scale}\" punya {answers} jawaban tetapi {values} nilai")
            }
            FaultKind::Weights { what, expected, found } => {
                format!("bobot {what} berjumlah {found}, bukan {expected}")
            }
        }
    }

    fn labels(&self) -> &'static ScoreLabels {
        &LABELS
    }

    fn assessor(&self, assessor: Assessor) -> &'static str {
        match assessor {
            Assessor::Unit => "penilaian mandiri",
            Assessor::Tpi => "TPI",
            Assessor::Tpn => "TPN",
        }
    }

    fn unserved(&self, n: usize) -> String {
        format!("{n} pertanyaan tanpa indikator")
    }

    fn short_by(&self, amount: &str) -> String {
        format!("kurang {amount}")
    }
}

static LABELS: ScoreLabels = ScoreLabels {
    title: "Nilai LKE",
    lke: "LKE",
    assessment: "Penilaian",
    projection: "PROYEKSI dari bukti dukung (belum ada penilaian)",
    projected: "proyeksi",
    projection_note: "hanya pemenuhan: nilai tiap pertanyaan adalah bagian dokumen indikatornya yang sudah ada sampai hari ini; reform dan hasil tidak diproyeksikan",
    area: "Area",
    weight: "Bobot",
    pemenuhan: "Pemenuhan",
    reform: "Reform",
    value: "Nilai",
    percent: "%",
    minimum: "Min.",
    pengungkit: "Pengungkit",
    hasil: "Hasil",
    total: "Total",
    verdict: "Kesimpulan",
    met: "memenuhi syarat",
    not_met: "belum memenuhi syarat",
    most_lost: "Nilai yang paling banyak hilang",
    lost: "Hilang",
    answer: "Jawaban",
    unanswered: "belum dijawab",
    readiness: "Kesiapan",
    at_risk: "Sudah dijawab, tetapi indikatornya terlambat atau tidak valid",
    nothing_at_risk: "Tidak ada pertanyaan terjawab yang indikatornya terlambat atau tidak valid.",
    question: "Pertanyaan",
    text: "Uraian",
    sub_component: "Sub-komponen",
    scale: "Skala",
    indicators: "Indikator",
    points: "Nilai",
    kind: "Baris",
    target: "Target",
    questions_title: "Pertanyaan LKE",
    questions_served: "Pertanyaan LKE",
    answers_changed: "Jawaban LKE berubah",
    sheet_answers: "Jawaban",
    sheet_rekap: "Rekap",
    col_assessment: "Penilaian",
    col_criteria: "Kriteria Nilai",
    col_options: "Pilihan Jawaban",
    col_unit_answer: "Jawaban Unit",
    col_unit_note: "Catatan/Keterangan/Penjelasan (Unit)",
    col_evidence: "Daftar Bukti Dukung (Unit)",
    col_links: "Tautan Bukti Dukung Baru",
    col_tpi_answer: "Jawaban TPI",
    col_tpi_note: "Catatan/Keterangan/Penjelasan (TPI)",
    count: "Jumlah",
    index: "Nilai (0-4)",
    total_pengungkit: "TOTAL PENGUNGKIT",
    total_hasil: "TOTAL HASIL",
    grand_total: "NILAI HASIL EVALUASI ZONA INTEGRITAS",
    results: "Hasil",
};
