"""Certificate endpoints: verification and the printable PDF (public), revocation (administrators)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from literacy_api.certificates.schemas import CertificateOut, Revocation
from literacy_api.certificates.service import CertificateService
from literacy_api.deps import CertificateRevoker, SessionDep
from literacy_api.inputs import CERTIFICATE_CODE_PATTERN
from service_kit.errors import PROBLEM

router = APIRouter(tags=["training"])


def get_certificate_service(session: SessionDep) -> CertificateService:
    return CertificateService(session=session)


CertificateServiceDep = Annotated[CertificateService, Depends(get_certificate_service)]
CertificateCode = Annotated[
    str,
    Path(
        pattern=CERTIFICATE_CODE_PATTERN,
        description="Four groups of four base32 characters, e.g. ABCD-EFGH-2345-WXYZ",
    ),
]


@router.get(
    "/v1/certificates/{code}.pdf",
    summary="The printable certificate, with a QR code to its verification page (public)",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, 404: PROBLEM, 409: PROBLEM},
)
async def certificate_pdf(
    code: CertificateCode, request: Request, service: CertificateServiceDep
) -> Response:
    number, pdf = await service.pdf(code, public_base_url=request.app.state.settings.public_base_url)
    return Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{number}.pdf"'}
    )


@router.get(
    "/v1/certificates/{code}",
    summary="Verify a certificate (public; the name is masked)",
    responses={404: PROBLEM},
)
async def verify_certificate(code: CertificateCode, service: CertificateServiceDep) -> CertificateOut:
    return await service.verify(code)


@router.post(
    "/v1/certificates/{code}/revoke",
    summary="Revoke a certificate (admins)",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM},
)
async def revoke_certificate(
    code: CertificateCode, data: Revocation, actor: CertificateRevoker, service: CertificateServiceDep
) -> CertificateOut:
    return await service.revoke(actor, code, data)
