"""A round of many scorecards: generated, computed and ranked set-based, with the same numbers as computed by
hand on a sample of them; and the database's totals held to `scoring.score` on many varied cards."""

import random
import uuid
from decimal import Decimal

import pytest

from scoring_api.criteria.schemas import criteria_of
from scoring_api.scorecards import scoring
from scoring_api.scorecards.repository import ScorecardRepository

from .conftest import CAMPAIGN_ID, COLLECTIVE, PARTICIPANTS

UNITS = 600
"""The four units of the other tests and 596 communes."""


def _unit(n: int) -> str:
    return f"66-XA{n:04d}"


def _progress(n: int) -> Decimal:
    return Decimal(n % 21) / 20  # 0, 0.05, … 1


def _rate(n: int) -> Decimal:
    return Decimal(n % 9) / 8  # 0, 0.125, … 1


@pytest.fixture
def many(campaign, literacy):
    """campaign-api with 600 participants in three clusters, each commune's SOHOA progress (every seventh has
    not reported), and digital-literacy-api's rates."""
    communes = [
        {"unit_code": _unit(n), "unit_name": f"UBND xã số {n}", "cluster": f"Cụm xã {n % 3 + 1}"}
        for n in range(1, UNITS - len(PARTICIPANTS) + 1)
    ]
    base = f"/v1/campaigns/{CAMPAIGN_ID}"
    campaign.answers[f"{base}/participants"] = {"items": PARTICIPANTS + communes}
    kpis = campaign.answers[f"{base}/kpis"]["items"]
    campaign.answers[f"{base}/kpis"] = {
        "items": kpis
        + [
            {"unit_code": _unit(n), "target_code": "SOHOA", "value": "1", "progress": str(_progress(n))}
            for n in range(1, len(communes) + 1)
            if n % 7
        ]
    }
    rates = literacy.answers["/v1/stats/units"]

    def with_communes(request):
        answer = rates(request)
        for item in answer["items"]:
            if item["unit_code"].startswith("66-XA"):
                item["rate"] = str(_rate(int(item["unit_code"][5:])))
        return answer

    literacy.answers["/v1/stats/units"] = with_communes
    return communes


async def test_a_round_of_many_scorecards_computes_and_ranks_as_by_hand(
    client, people, published_round, campaign, literacy, many
):
    admin = people["admin"]
    round_ = await published_round()
    generated = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=admin)
    assert generated.status_code == 200, generated.text
    cards = {c["subject_id"]: c for c in generated.json()["items"]}
    assert len(cards) == UNITS
    # Generating again keeps every card (and adds none).
    again = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=admin)
    assert {c["id"] for c in again.json()["items"]} == {c["id"] for c in cards.values()}

    # 66-SKHCN's manager self-assesses: 1.1 → 20, 3 → 15, 4 → 10.
    patched = await client.patch(
        f"/v1/scorecards/{cards['66-SKHCN']['id']}",
        headers=people["manager"],
        json={
            "entries": [
                {"criterion_code": "1.1", "self_score": "20"},
                {"criterion_code": "3", "self_score": "15"},
                {"criterion_code": "4", "self_score": "10"},
            ]
        },
    )
    assert patched.status_code == 200, patched.text

    compute = f"/v1/rounds/{round_['id']}/compute"
    result = (await client.post(compute, headers=admin)).json()
    assert result["unavailable"] == []
    assert result["scorecards"] == UNITS
    # Two automatic criteria per card, less the SOHOA progress of 66-X1 and of the 85 communes not reporting.
    assert result["filled"] == 2 * UNITS - 1 - 85
    # Commune 7 has not reported (its target criterion stays pending); commune 8 has every automatic one.
    assert result["pending"][cards[_unit(7)]["id"]] == ["1.2"]
    assert cards[_unit(8)]["id"] not in result["pending"]
    assert len(result["pending"]) == 1 + 85
    # One batched call to campaign-api for the KPIs, three of 200 codes to digital-literacy-api.
    assert [r.url.path for r in campaign.requests].count(f"/v1/campaigns/{CAMPAIGN_ID}/kpis") == 1
    assert [r.url.path for r in literacy.requests].count("/v1/stats/units") == 3

    ranking = (await client.get(f"/v1/rounds/{round_['id']}/ranking", headers=people["viewer"])).json()[
        "items"
    ]
    assert len(ranking) == UNITS
    by_subject = {r["subject_id"]: r for r in ranking}
    # By hand (SOHOA progress × 20 + training rate × 30 + self-assessed points):
    # - 66-SKHCN: 1.1 20 + 1.2 20 × 0.5 = 10 → 30 (under the cap of 40); 2: 30 × 0.8 = 24; 3: 15; 4: 10 → 79.
    # - commune 8: 1.2 20 × 0.4 = 8; 2: 30 × 8 % 9 / 8 = 30 → 38.
    # - commune 20: 20 × 1 = 20; 30 × 2/8 = 7.5 → 27.50. Commune 21: no report, 30 × 3/8 = 11.25.
    # - commune 7: no report (pending), 30 × 7/8 = 26.25. Commune 13: 20 × 0.65 = 13; 30 × 4/8 = 15 → 28.
    hand = {
        "66-SKHCN": ("79.00", "Hoàn thành tốt nhiệm vụ"),
        _unit(8): ("38.00", "Không hoàn thành nhiệm vụ"),
        _unit(20): ("27.50", "Không hoàn thành nhiệm vụ"),
        _unit(21): ("11.25", "Không hoàn thành nhiệm vụ"),
        _unit(7): ("26.25", "Không hoàn thành nhiệm vụ"),
        _unit(13): ("28.00", "Không hoàn thành nhiệm vụ"),
    }
    assert {s: (by_subject[s]["total"], by_subject[s]["band"]) for s in hand} == hand
    # Competition ranking inside each cluster: one more than the cards of the cluster with a higher total.
    for row in ranking:
        higher = [
            r
            for r in ranking
            if r["cluster"] == row["cluster"] and Decimal(r["total"]) > Decimal(row["total"])
        ]
        assert row["rank"] == len(higher) + 1
    # 66-SKHCN (79) leads the Khối Sở cluster: 66-SYT 20 + 7.5, 66-STC 6 + 30 are below it.
    assert (by_subject["66-SKHCN"]["rank"], by_subject["66-SYT"]["rank"], by_subject["66-STC"]["rank"]) == (
        1,
        3,
        2,
    )

    # The card reads the same numbers, with the values used and where they came from.
    card = (await client.get(f"/v1/scorecards/{cards[_unit(13)]['id']}", headers=admin)).json()
    entries = {e["criterion_code"]: e for e in card["entries"]}
    assert (card["total"], entries["1.2"]["auto_score"], entries["2"]["auto_score"]) == (
        "28.00",
        "13.0000",
        "15.0000",
    )
    assert entries["1.2"]["auto_source"]["value"] == "0.65"
    assert entries["1.2"]["auto_source"]["source"] == "campaign-api"
    assert entries["2"]["auto_source"]["source"] == "digital-literacy-api"
    # The manager's self-assessment is kept beside the automatic score on the same card.
    skhcn = (await client.get(f"/v1/scorecards/{cards['66-SKHCN']['id']}", headers=admin)).json()
    assert {e["criterion_code"]: e["self_score"] for e in skhcn["entries"]}["1.1"] == "20"
    assert skhcn["total"] == "79.00"

    # Every card changed has its audit event, old → new; a second compute changes nothing and records nothing.
    history = (await client.get(f"/v1/scorecards/{cards[_unit(13)]['id']}/history", headers=admin)).json()[
        "items"
    ]
    assert [e["action"] for e in history] == ["scorecard.created", "scorecard.computed"]
    assert history[1]["after"] == {
        "1.2": {"before": None, "after": "13.0000", "value": "0.65"},
        "2": {"before": None, "after": "15.0000", "value": "0.5"},
    }
    again = (await client.post(compute, headers=admin)).json()
    assert again["filled"] == result["filled"]
    history = (await client.get(f"/v1/scorecards/{cards[_unit(13)]['id']}/history", headers=admin)).json()[
        "items"
    ]
    assert [e["action"] for e in history] == ["scorecard.created", "scorecard.computed"]

    # The export holds the same 600 rows.
    table = (await client.get(f"/v1/rounds/{round_['id']}/ranking.csv", headers=admin)).content.decode(
        "utf-8-sig"
    )
    assert len(table.strip().splitlines()) == UNITS + 1


def _random_entry(criterion: scoring.Criterion, chance: random.Random) -> dict[str, str]:
    """Any mix of scores, some missing, some above the criterion's maximum (a row written before the maximum
    was lowered), at up to four decimals."""
    entry = {}
    for name in ("self_score", "reviewed_score", "auto_score"):
        if chance.random() < 0.5:
            top = criterion.max_points * Decimal("1.3")
            entry[name] = str((top * Decimal(chance.random())).quantize(Decimal("0.0001")))
    return entry


async def test_the_databases_totals_are_scoring_scores(app, people, published_round):
    """`total_of` (the ranking's totals, computed by PostgreSQL) gives what `scoring.score` gives, on 500
    varied cards of the test criteria (a cap on a parent, automatic and manual leaves)."""
    round_ = await published_round()
    criteria = criteria_of(COLLECTIVE)
    chance = random.Random(14)
    cards = []
    for n in range(500):
        entries = {
            c.code: _random_entry(c, chance) for c in scoring.leaves(criteria) if chance.random() < 0.9
        }
        cards.append(
            {
                "subject_type": "collective",
                "subject_id": f"66-T{n:04d}",
                "subject_name": f"Đơn vị {n}",
                "unit_code": f"66-T{n:04d}",
                "cluster": None,
                "status": "draft",
                "entries": entries,
                "auto_sources": {},
            }
        )
    async with app.state.database.sessionmaker() as session:
        repository = ScorecardRepository(session)
        await repository.add_new(uuid.UUID(round_["id"]), cards)
        rows = await repository.totals(uuid.UUID(round_["id"]), criteria)
    by_subject = {row.subject_id: row.total for row in rows}
    assert len(by_subject) == 500
    for card in cards:
        entries = {
            code: scoring.Entry(**{k: Decimal(v) for k, v in raw.items()})
            for code, raw in card["entries"].items()
        }
        assert by_subject[card["subject_id"]] == scoring.score(criteria, entries).total, card
