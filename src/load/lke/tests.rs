use super::*;

fn lke() -> &'static Lke {
    builtin()
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

#[test]
fn the_builtin_lke_reads_without_a_fault() {
    assert_eq!(parse(BUILTIN_TEXT).map(|l| l.id), Ok(BUILTIN_ID.to_string()));
}

#[test]
fn areas_weigh_8_7_10_10_15_10_and_results_40() {
    let weights: Vec<(&str, Decimal)> = lke().areas.iter().map(|a| (a.id.as_str(), a.weight)).collect();
    let expected: Vec<(&str, Decimal)> =
        [("I", "8"), ("II", "7"), ("III", "10"), ("IV", "10"), ("V", "15"), ("VI", "10")]
            .map(|(a, w)| (a, d(w)))
            .into();
    assert_eq!(weights, expected);
    let pengungkit: Decimal = lke().areas.iter().map(|a| a.weight).sum();
    assert_eq!(pengungkit, d("60"));
    let groups: Vec<(&str, Decimal)> =
        lke().result_groups.iter().map(|g| (g.id.as_str(), g.weight)).collect();
    assert_eq!(groups, vec![("bersih", d("22.5")), ("prima", d("17.5"))]);
    let results: Vec<(&str, Decimal)> = lke().results().map(|(_, r)| (r.id.as_str(), r.weight)).collect();
    assert_eq!(results, vec![("ipak", d("17.5")), ("kinerja", d("5")), ("ipkp", d("17.5"))]);
}

#[test]
fn sub_components_add_up_to_half_an_area_on_each_side() {
    for area in &lke().areas {
        for part in Part::ALL {
            let sum: Decimal = area.subcomponents.iter().filter(|s| s.part == part).map(|s| s.weight).sum();
            assert_eq!(sum * Decimal::TWO, area.weight, "{} {:?}", area.id, part);
        }
    }
    let pemenuhan: Decimal =
        lke().subcomponents().filter(|(_, s)| s.part == Part::Pemenuhan).map(|(_, s)| s.weight).sum();
    assert_eq!(pemenuhan, d("30"));
}

#[test]
fn ids_are_unique_and_have_the_printed_form() {
    let mut seen = BTreeSet::new();
    for (area, sub, q) in lke().questions() {
        assert!(is_question_id(&q.id), "{}", q.id);
        assert!(q.id.starts_with(&format!("{}.", sub.id)), "{} in {}", q.id, sub.id);
        assert!(sub.id.starts_with(&format!("{}.{}.", sub.part.letter(), area.id)), "{}", sub.id);
        assert!(seen.insert(q.id.clone()), "{} twice", q.id);
    }
    let subs: BTreeSet<&str> = lke().subcomponents().map(|(_, s)| s.id.as_str()).collect();
    assert_eq!(subs.len(), lke().subcomponents().count());
    // Lampiran III: 42 sub-components, 110 questions of which 8 are percentages.
    assert_eq!((subs.len(), seen.len()), (42, 110));
    let percentages =
        lke().questions().filter(|(_, _, q)| matches!(q.answer, AnswerKind::Percentage(_))).count();
    assert_eq!(percentages, 8);
}

#[test]
fn every_choice_question_has_the_criteria_of_each_answer() {
    for (_, _, q) in lke().questions() {
        if let AnswerKind::Choice { scale, criteria } = &q.answer {
            let answers: Vec<&str> = criteria.iter().map(|(a, _)| a.as_str()).collect();
            let expected: Vec<&str> = match scale.id.as_str() {
                "Ya/Tidak" => vec!["Ya"], // the LKE prints only when the answer is Ya
                _ => scale.options.iter().map(|(a, _)| a.as_str()).collect(),
            };
            assert_eq!(answers, expected, "{}", q.id);
        }
    }
}

#[test]
fn the_scales_are_the_regulations() {
    let q = |id: &str| match &lke().question(id).unwrap().answer {
        AnswerKind::Choice { scale, .. } => {
            scale.options.iter().map(|(a, v)| format!("{a}={v}")).collect::<Vec<_>>().join(" ")
        }
        AnswerKind::Percentage(p) => p.inputs.iter().map(|i| i.name.clone()).collect::<Vec<_>>().join(" "),
    };
    assert_eq!(q("P.I.i.a"), "Ya=1 Tidak=0");
    assert_eq!(q("P.I.i.b"), "A=1 B=0.5 C=0");
    assert_eq!(q("P.I.iii.a"), "A=1 B=0.67 C=0.33 D=0");
    assert_eq!(q("P.II.i.b"), "A=1 B=0.75 C=0.5 D=0.25 E=0");
    assert_eq!(q("R.I.i.a"), "agen perubahan");
    assert_eq!(q("R.V.iii.a"), "kepala pejabat lainnya sudah");
}

/// Lampiran III's worked example: every answer at its best, the printed
/// inputs, both indices at 4 — each question is worth its full weight.
#[test]
fn the_worked_example_is_worth_exactly_100() {
    let mut total = Decimal::ZERO;
    for (_, sub) in lke().subcomponents() {
        let values: Vec<Decimal> = sub
            .questions
            .iter()
            .map(|q| match &q.answer {
                AnswerKind::Choice { scale, .. } => scale.options[0].1,
                AnswerKind::Percentage(p) => p.value(&p.inputs.iter().map(|i| i.example).collect::<Vec<_>>()),
            })
            .collect();
        assert!(values.iter().all(|v| *v == Decimal::ONE), "{}: {values:?}", sub.id);
        total += sub.weight * values.iter().sum::<Decimal>() / Decimal::from(values.len());
    }
    for (_, r) in lke().results() {
        total += match &r.measure {
            Measure::Index { max, example } => example / max * r.weight,
            Measure::Choice { scale, example, .. } => scale.option(example).unwrap().1 * r.weight,
        };
    }
    assert_eq!(total, Decimal::ONE_HUNDRED);
    assert_eq!(format!("{:.2}", total), "100.00");
}

#[test]
fn the_thresholds_are_those_of_tabel_6() {
    let t = |id: &str| {
        let t = lke().target(id).unwrap();
        let results: Vec<String> = t.results.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{} {} {} {}", t.total, t.pengungkit, t.area_ratio, results.join(" "))
    };
    assert_eq!(t("WBK"), "75 40 0.6 bersih=18.25 ipak=15.75 kinerja=2.5 prima=14");
    assert_eq!(t("wbbm"), "85 48 0.75 bersih=19.5 ipak=15.75 kinerja=3.75 prima=15.75");
}

#[test]
fn a_variant_that_breaks_the_rules_is_reported_not_scored() {
    let broken = BUILTIN_TEXT
        .replacen("id = \"P.I.i.b\"", "id = \"P.I.i.a\"", 1)
        .replacen("weight = 0.5\n", "weight = 0.75\n", 1)
        .replacen("numerator = [\"perubahan\"]", "numerator = [\"perubahn\"]", 1)
        .replacen("scale = \"A/B/C/D/E\"", "scale = \"A-E\"", 1)
        .replacen("values = [1.0, 0.5, 0.0]", "values = [1.0, 0.5]", 1);
    let kinds: Vec<FaultKind> = parse(&broken).unwrap_err().into_iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        vec![
            FaultKind::ScaleLength { scale: "A/B/C".into(), answers: 3, values: 2 },
            FaultKind::DuplicateId { id: "P.I.i.a".into() },
            FaultKind::UnknownInput { question: "R.I.i.a".into(), input: "perubahn".into() },
            // The first A/B/C/D/E is capaian kinerja's: without it, bersih is short of its weight.
            FaultKind::UnknownScale { scale: "A-E".into() },
            FaultKind::Weights { what: "P.I".into(), expected: "4".into(), found: "4.25".into() },
            FaultKind::Weights { what: "bersih".into(), expected: "22.5".into(), found: "17.5".into() },
        ]
    );
    let not_toml = parse("id = ").unwrap_err();
    assert!(matches!(not_toml[0].kind, FaultKind::Shape { .. }), "{not_toml:?}");
}

#[test]
fn decimals_are_the_numbers_as_written() {
    assert_eq!(decimal(0.67), Some(d("0.67")));
    assert_eq!(decimal(3.6).map(|i| i / d("4") * d("17.5")), Some(d("15.75")));
    assert_eq!(decimal(f64::NAN), None);
}
