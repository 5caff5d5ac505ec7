"""Coverage statistics: hand-computed answers for every group_by (windows, the small-cell merge, population),
and the rollups held to a direct count over the records after every kind of change."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from literacy_api.stats.repository import CoverageQueries, Place, Window, suppress_small_cells
from literacy_api.stats.schemas import CoverageItem, CoverageTotals, GroupBy
from service_kit.testing import assert_problem

# (name, commune index, category, gender, ethnicity, [(course, status, enrolled_on, completed_on)])
PEOPLE = [
    ("L1", 0, "citizen", "female", "Ê Đê", [("A", "completed", "2025-08-20", "2025-09-10"),
                                           ("B", "in_progress", "2025-10-05", None)]),
    ("L2", 0, "student", "male", "Kinh", [("A", "enrolled", "2025-08-25", None)]),
    ("L3", 1, "citizen", "male", "Kinh", [("A", "completed", "2025-09-28", "2025-10-02"),
                                         ("B", "completed", "2025-10-03", "2025-10-20")]),
    ("L4", 1, "worker", "female", "Kinh", [("A", "failed", "2025-09-15", None)]),
    ("L5", 1, "worker", "female", "Kinh", [("A", "completed", "2025-09-01", "2025-09-30")]),
    ("L6", 0, "cadre", "female", "Kinh", [("B", "enrolled", "2025-10-31", None)]),
    ("L7", 0, "cadre", "male", "Kinh", []),
    ("L8", 1, "citizen", "female", "M'Nông", [("A", "enrolled", "2025-11-01", None)]),
    ("L9", 1, "citizen", "other", None, [("B", "completed", "2025-10-01", "2025-10-01")]),
]  # fmt: skip


@pytest.fixture
async def people(client, admin, communes, create_course, create_learner, record):
    await create_course("A")
    await create_course("B")
    ids = {}
    for number, (name, commune, category, gender, ethnicity, records) in enumerate(PEOPLE):
        learner = await create_learner(
            f"0661900001{number:02d}",
            full_name=f"Người {name}",
            commune_code=communes[commune],
            category=category,
            gender=gender,
            ethnicity=ethnicity,
        )
        ids[name] = learner["id"]
        for course, status, enrolled_on, completed_on in records:
            extra = {"enrolled_on": enrolled_on, "completed_on": completed_on}
            await record(learner["id"], course, status, **{k: v for k, v in extra.items() if v})
    return ids


async def coverage(client, headers, **params) -> dict:
    response = await client.get("/v1/stats/coverage", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def table(report: dict) -> dict[str, tuple[int, int, str]]:
    return {i["key"]: (i["learners"], i["completed"], i["completion_rate"]) for i in report["items"]}


async def test_each_group_by_counts_distinct_learners_and_completers(client, admin, communes, people):
    c0, c1 = communes[0], communes[1]
    assert table(await coverage(client, admin, group_by="commune", province_code="66")) == {
        c0: (3, 1, "0.3333"),
        c1: (5, 3, "0.6000"),
    }
    assert table(await coverage(client, admin, group_by="category")) == {
        "citizen": (4, 3, "0.7500"),
        "worker": (2, 1, "0.5000"),
        "student": (1, 0, "0.0000"),
        "cadre": (1, 0, "0.0000"),
    }
    assert table(await coverage(client, admin, group_by="gender")) == {
        "female": (5, 2, "0.4000"),
        "male": (2, 1, "0.5000"),
        "other": (1, 1, "1.0000"),
    }
    # Kinh has exactly five learners; Ê Đê, M'Nông and the unknown one merge into "other", which has 3:
    # hidden, and Kinh with it (the totals minus Kinh would give "other" back).
    ethnicity = await coverage(client, admin, group_by="ethnicity")
    assert table(ethnicity) == {"Kinh": (None, None, None), "other": (None, None, None)}
    assert [(i["key"], i["suppressed"]) for i in ethnicity["items"]] == [("Kinh", True), ("other", True)]
    assert ethnicity["totals"]["learners"] == 8
    months = await coverage(client, admin, group_by="month")
    assert table(months) == {
        "2025-08": (1, 0, "0.0000"),
        "2025-09": (3, 2, "0.6667"),
        "2025-10": (4, 2, "0.5000"),
        "2025-11": (1, 0, "0.0000"),
    }
    assert [i["label"] for i in months["items"]] == ["08/2025", "09/2025", "10/2025", "11/2025"]
    assert table(await coverage(client, admin, group_by="course")) == {
        "A": (6, 3, "0.5000"),
        "B": (4, 2, "0.5000"),
    }
    # L7 has no record: not counted. The total counts each learner once, whatever the grouping.
    assert months["totals"] == {
        "learners": 8,
        "completed": 4,
        "completion_rate": "0.5000",
        "population": None,
        "coverage": None,
    }


async def test_a_window_counts_records_dated_inside_it_once_per_learner(client, admin, communes, people):
    # Whole September and October, plus the last days of August (the edge).
    report = await coverage(client, admin, group_by="commune", **{"from": "2025-08-26", "to": "2025-10-31"})
    assert report["totals"]["learners"] == 6
    assert report["totals"]["completed"] == 4
    # Only the edge catches L2 (25/08).
    report = await coverage(client, admin, group_by="gender", **{"from": "2025-08-25", "to": "2025-09-30"})
    assert table(report) == {"female": (3, 2, "0.6667"), "male": (1, 0, "0.0000")}
    # L1 has a completion on the edge (10/09) and an enrolment in the whole month: counted once, completed.
    window = {"from": "2025-09-10", "to": "2025-10-31"}
    report = await coverage(client, admin, group_by="commune", **window)
    assert table(report) == {communes[0]: (2, 1, "0.5000"), communes[1]: (4, 3, "0.7500")}
    assert report["totals"]["learners"] == 6
    assert report["totals"]["completed"] == 4
    assert table(await coverage(client, admin, group_by="month", **window)) == {
        "2025-09": (3, 2, "0.6667"),
        "2025-10": (4, 2, "0.5000"),
    }
    assert table(await coverage(client, admin, group_by="course", **window)) == {
        "A": (4, 3, "0.7500"),
        "B": (4, 2, "0.5000"),
    }
    # A window inside one month reads only that month's records.
    report = await coverage(client, admin, group_by="category", **{"from": "2025-10-02", "to": "2025-10-05"})
    assert table(report) == {"citizen": (2, 1, "0.5000")}


async def test_changes_move_the_counts(client, admin, communes, people, record):
    # L4 moves to the first commune, then completes the course it had failed.
    response = await client.patch(
        f"/v1/learners/{people['L4']}", headers=admin, json={"commune_code": communes[0]}
    )
    assert response.status_code == 200
    assert table(await coverage(client, admin, group_by="commune")) == {
        communes[0]: (4, 1, "0.2500"),
        communes[1]: (4, 3, "0.7500"),
    }
    await record(people["L4"], "A", "completed", completed_on="2025-10-15")
    assert table(await coverage(client, admin, group_by="month"))["2025-09"] == (2, 2, "1.0000")
    assert table(await coverage(client, admin, group_by="month"))["2025-10"] == (5, 3, "0.6000")
    assert (await coverage(client, admin, group_by="commune"))["totals"]["completed"] == 5


async def test_commune_coverage_uses_the_population_figures(client, admin, communes, people):
    response = await client.put(
        "/v1/population",
        headers=admin,
        json={"items": [{"commune_code": communes[0], "adults": 12, "reference_year": 2025}]},
    )
    assert response.status_code == 200, response.text
    report = await coverage(client, admin, group_by="commune", province_code="66")
    first = next(i for i in report["items"] if i["key"] == communes[0])
    second = next(i for i in report["items"] if i["key"] == communes[1])
    assert (first["population"], first["coverage"]) == (12, "0.2500")
    assert (second["population"], second["coverage"]) == (None, None)
    assert (report["totals"]["population"], report["totals"]["coverage"]) == (12, "0.2500")
    listed = await client.get("/v1/population", headers=admin, params={"province_code": "66"})
    assert listed.json()["items"] == [
        {"commune_code": communes[0], "adults": 12, "reference_year": 2025, "province_code": "66"}
    ]


async def test_bad_filters_and_sensitive_grouping_are_refused(client, admin, token_factory, communes):
    await_bad = [
        {"commune_code": "99999"},
        {"province_code": "99"},
        {"group_by": "village"},
        {"to": "0"},
        {"from": "0001-01-01"},
        {"to": "9999-12-31"},
    ]
    for params in await_bad:
        response = await client.get("/v1/stats/coverage", headers=admin, params=params)
        assert_problem(response, 422)
    # A commune of another province: that report does not exist (both codes are valid on their own).
    response = await client.get(
        "/v1/stats/coverage", headers=admin, params={"province_code": "01", "commune_code": communes[0]}
    )
    assert assert_problem(response, 409)["code"] == "locality.commune_outside_province"
    # A window that ends before it starts holds no day: nobody is counted (not an error of the input).
    response = await client.get(
        "/v1/stats/coverage", headers=admin, params={"from": "2025-10-02", "to": "2025-10-01"}
    )
    assert response.status_code == 200
    assert (response.json()["items"], response.json()["totals"]["learners"]) == ([], 0)
    manager = token_factory.auth("m-1", roles=["manager"], unit_codes=["66-X1"])
    response = await client.get("/v1/stats/coverage", headers=manager, params={"group_by": "ethnicity"})
    assert_problem(response, 403)
    response = await client.get("/v1/stats/coverage", headers=manager, params={"group_by": "gender"})
    assert response.status_code == 200
    bad_population = {"items": [{"commune_code": "99999", "adults": 10}]}
    assert_problem(await client.put("/v1/population", headers=admin, json=bad_population), 422)


# No window, whole months, windows that cut months at one end or both (by a day, or to a month's first or last
# day), across adjacent and distant months, open at one end, inside one month, and of one day.
WINDOWS = [
    Window(None, None),
    Window(date(2025, 3, 1), date(2025, 6, 30)),
    Window(date(2025, 3, 1), date(2025, 3, 31)),
    Window(date(2025, 3, 14), date(2025, 7, 2)),
    Window(date(2025, 3, 2), date(2025, 4, 29)),
    Window(date(2025, 3, 31), date(2025, 4, 1)),
    Window(date(2025, 2, 28), date(2025, 9, 1)),
    Window(date(2025, 4, 15), date(2025, 6, 30)),
    Window(date(2025, 4, 1), date(2025, 6, 15)),
    Window(date(2025, 5, 2), date(2025, 5, 20)),
    Window(date(2025, 5, 1), date(2025, 5, 20)),
    Window(date(2025, 5, 2), date(2025, 5, 31)),
    Window(date(2025, 5, 9), date(2025, 5, 9)),
    Window(None, date(2025, 4, 10)),
    Window(None, date(2025, 4, 30)),
    Window(date(2025, 8, 31), None),
    Window(date(2025, 8, 1), None),
]


def _random_day(rng: random.Random) -> date:
    return date(2025, 1, 1) + timedelta(days=rng.randrange(0, 300))


async def test_the_rollups_always_equal_a_direct_count_over_the_records(app, communes):
    """Random learners and records, written the ways the service writes them (single rows, set-based
    statements, updates of status and dates, learners moving commune or changing category, deletions),
    checked after each step for every group_by and windows of every shape."""
    rng = random.Random(20251121)
    async with app.state.database.sessionmaker() as session, session.begin():
        run = session.execute
        await run(
            text(
                "INSERT INTO literacy.course (code, title, title_folded, hours, level, competence_codes,"
                " required_for) SELECT c, c, c, 2, 1, '{}', '{}' FROM unnest(ARRAY['K1','K2','K3']) c"
            )
        )
        learners = []
        for _n in range(120):
            learner_id = (
                await run(
                    text(
                        "INSERT INTO literacy.learner (id, province_code, commune_code, full_name_folded, gender,"
                        " ethnicity, category) VALUES (gen_random_uuid(), '66', :commune, '', :gender,"
                        " :ethnicity, :category) RETURNING id"
                    ),
                    {
                        "commune": rng.choice(communes[:3]),
                        "gender": rng.choice(["male", "female", "other"]),
                        "ethnicity": rng.choice(["Kinh", "Ê Đê", "M'Nông", None]),
                        "category": rng.choice(["citizen", "student", "worker"]),
                    },
                )
            ).scalar_one()
            learners.append(learner_id)

        def random_record(learner_id, course):
            enrolled = _random_day(rng)
            completed = rng.random() < 0.4
            return {
                "learner": learner_id,
                "course": course,
                "status": "completed" if completed else rng.choice(["enrolled", "in_progress", "failed"]),
                "enrolled": enrolled,
                "completed": enrolled + timedelta(days=rng.randrange(0, 40)) if completed else None,
            }

        insert_record = text(
            "INSERT INTO literacy.training_record (id, learner_id, course_code, province_code, commune_code,"
            " status, progress, enrolled_on, completed_on, source) SELECT gen_random_uuid(), :learner, :course,"
            " l.province_code, l.commune_code, :status, 0, :enrolled, :completed, 'test'"
            " FROM literacy.learner l WHERE l.id = :learner"
        )
        rows = [random_record(learner, course) for learner in learners for course in ("K1", "K2", "K3")]
        rows = [row for row in rows if rng.random() < 0.6]
        # One statement with many rows (as an import merges), then single rows (as the API writes).
        await run(insert_record, rows[:150])
        for row in rows[150:]:
            await run(insert_record, row)

        async def check(step: str) -> None:
            queries = CoverageQueries(session=session)
            windows = WINDOWS
            places = [Place(None, None), Place("66", None), Place("66", communes[1])]
            for group_by in [None, *GroupBy]:
                for window in windows:
                    for place in places:
                        got = await queries.counts(group_by, place, window)
                        want = await queries.recount(group_by, place, window)
                        assert got == want, (step, group_by, window, place)

        await check("inserted")
        await run(
            text(
                "UPDATE literacy.training_record SET status = 'completed', progress = 100,"
                " completed_on = enrolled_on + 3 WHERE status = 'in_progress' AND enrolled_on < '2025-09-01'"
            )
        )
        await run(
            text(
                "UPDATE literacy.training_record SET enrolled_on = enrolled_on - 45 WHERE course_code = 'K2'"
            )
        )
        await run(text("UPDATE literacy.training_record SET progress = 50 WHERE status = 'enrolled'"))
        await check("updated records")
        moved = learners[:30]
        await run(
            text(
                "UPDATE literacy.learner SET commune_code = :commune, category = 'worker' WHERE id = ANY(:ids)"
            ),
            {"commune": communes[2], "ids": moved},
        )
        await run(
            text("UPDATE literacy.learner SET ethnicity = NULL WHERE id = ANY(:ids)"),
            {"ids": learners[30:40]},
        )
        await check("moved learners")
        await run(
            text("DELETE FROM literacy.training_record WHERE learner_id = ANY(:ids)"),
            {"ids": learners[40:55]},
        )
        await check("deleted records")
        await session.rollback()


def _cells(counts: dict[str, int]):
    return [
        CoverageItem(key=key, label=key, learners=n, completed=n // 2, completion_rate=Decimal(0))
        for key, n in counts.items()
    ]


def test_no_suppressed_ethnicity_cell_is_recovered_by_subtraction():
    """Every shape of small groups: the totals minus the cells shown never give back one hidden cell."""
    rng = random.Random(13)
    shapes = [
        {"Kinh": 40, "Ê Đê": 4},  # "other" = 4: hidden with Kinh
        {"Kinh": 40, "Ê Đê": 3, "M'Nông": 1},  # "other" = 4 of two groups
        {"Kinh": 40, "Ê Đê": 12, "Gia Rai": 3},  # the complement is Ê Đê, the smallest shown
        {"Ê Đê": 2},  # only "other": the totals go
        {"Kinh": 40, "Ê Đê": 3, "M'Nông": 3},  # "other" = 6: shown, its groups are not
        {"Kinh": 40, "Ê Đê": 9},  # nothing small
    ]
    shapes += [
        {f"g{i}": rng.choice([1, 2, 3, 4, 5, 6, 8, 20, 90]) for i in range(rng.randint(1, 6))}
        for _ in range(300)
    ]
    for counts in shapes:
        total = sum(counts.values())
        totals = CoverageTotals(
            learners=total, completed=sum(n // 2 for n in counts.values()), completion_rate=Decimal(0)
        )
        items, shown_totals = suppress_small_cells(_cells(counts), totals)
        hidden = [i for i in items if i.suppressed]
        small = {key: n for key, n in counts.items() if n < 5}
        for item in items:
            # No group of fewer than five is ever shown, on its own or as an "other" of fewer than five.
            assert item.suppressed or item.learners >= 5, (counts, items)
            if item.key != "other":
                assert item.suppressed or item.key not in small, (counts, items)
        if shown_totals.learners is None:
            continue
        # Totals minus the shown cells: the sum of the hidden ones, of which there are never exactly one.
        rest = shown_totals.learners - sum(i.learners for i in items if not i.suppressed)
        assert len(hidden) != 1, (counts, items)
        assert rest == sum(counts[i.key] if i.key in counts else sum(small.values()) for i in hidden)
        if len(hidden) == 2 and any(i.key == "other" for i in hidden):
            assert {"other"} != {i.key for i in hidden}
    # Shown as they were when nothing is small.
    items, _ = suppress_small_cells(_cells({"Kinh": 40, "Ê Đê": 9}), totals)
    assert [(i.key, i.learners, i.suppressed) for i in items] == [("Kinh", 40, False), ("Ê Đê", 9, False)]
    items, shown_totals = suppress_small_cells(_cells({"Ê Đê": 2}), totals)
    assert [(i.key, i.suppressed) for i in items] == [("other", True)]
    assert shown_totals.learners is None


async def test_an_other_group_of_four_is_not_published(
    client, admin, communes, create_course, create_learner, record
):
    await create_course("A")
    for number in range(10):
        learner = await create_learner(f"0661900003{number:02d}", commune_code=communes[0], ethnicity="Kinh")
        await record(learner["id"], "A", "enrolled")
    for number, ethnicity in enumerate(["Ê Đê", "Ê Đê", "M'Nông", "Gia Rai"]):
        learner = await create_learner(
            f"0661900004{number:02d}", commune_code=communes[0], ethnicity=ethnicity
        )
        await record(learner["id"], "A", "enrolled")
    report = await coverage(client, admin, group_by="ethnicity")
    assert table(report) == {"Kinh": (None, None, None), "other": (None, None, None)}
    assert report["totals"]["learners"] == 14
    # Another grouping of the same learners says nothing of their ethnicity.
    assert table(await coverage(client, admin, group_by="category")) == {"citizen": (14, 0, "0.0000")}
