"""Reading the localities: 404s that say what a code looks like, and paging of a province's communes."""

from __future__ import annotations

from dataclasses import dataclass

from campaign_api.localities import repository
from campaign_api.localities.schemas import CommuneOut, Locality
from reference_data.localities import LocalityDirectory
from service_kit.errors import NotFound
from service_kit.pagination import Page, PageParams


@dataclass
class LocalityService:
    directory: LocalityDirectory

    def provinces(self, q: str | None) -> Page[Locality]:
        items = repository.provinces(self.directory, q)
        return Page(items=items, total=len(items))

    def communes(self, province_code: str, q: str | None, paging: PageParams) -> Page[Locality]:
        if repository.province(self.directory, province_code) is None:
            raise NotFound(code="province.not_found", params={"code": province_code})
        found = repository.communes(self.directory, province_code, q)
        return Page(items=found[paging.offset : paging.offset + paging.limit], total=len(found))

    def commune(self, code: str) -> CommuneOut:
        found = repository.commune(self.directory, code)
        if found is None:
            raise NotFound(code="commune.not_found", params={"code": code})
        commune, province_code = found
        return CommuneOut(**commune.model_dump(), province_code=province_code)
