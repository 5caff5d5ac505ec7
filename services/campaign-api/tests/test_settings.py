"""campaign-api refuses development secrets in production, and finds its signing key where it is told."""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import ValidationError

from campaign_api.config import CampaignSettings
from campaign_api.identity.keys import SigningKeys

STRONG = {
    "database_url": "postgresql://campaign_svc@db/thidua",
    "admin_password": "a-long-admin-passphrase",
    "national_id_key": "k" * 40,
    "jwt_key_file": "/run/secrets/jwt.pem",
    "personal_data_key": "cHJvZHVjdGlvbi1wZXJzb25hbC1kYXRhLWtleS0zMmI=",
    "contest_token_key": "t" * 40,
}


@pytest.mark.parametrize(
    ("override", "complaint"),
    [
        ({"admin_password": "admin"}, "ADMIN_PASSWORD"),
        ({"national_id_key": "short"}, "NATIONAL_ID_KEY"),
        ({"jwt_key_file": None}, "JWT_PRIVATE_KEY"),
        ({"personal_data_key": "ZGV2ZWxvcG1lbnQtb25seS1wZXJzb25hbC1kYXRhISE="}, "PERSONAL_DATA_KEY"),
        ({"contest_token_key": "short"}, "CONTEST_TOKEN_KEY"),
    ],
)
def test_production_refuses_development_secrets(override, complaint):
    with pytest.raises(ValidationError, match=complaint):
        CampaignSettings(environment="production", **(STRONG | override))


def test_the_personal_data_key_must_be_32_bytes_of_base64():
    with pytest.raises(ValidationError, match="PERSONAL_DATA_KEY"):
        CampaignSettings(personal_data_key="bm90LTMyLWJ5dGVz")


def test_production_accepts_real_secrets():
    assert (
        CampaignSettings(environment="production", **STRONG).admin_password.get_secret_value()
        == STRONG["admin_password"]
    )


def test_development_generates_the_key_file_once_and_reuses_it(tmp_path):
    path = tmp_path / "keys" / "jwt.pem"
    first = SigningKeys.from_settings(CampaignSettings(jwt_key_file=path))
    assert path.stat().st_mode & 0o777 == 0o600
    second = SigningKeys.from_settings(CampaignSettings(jwt_key_file=path))
    assert first.kid == second.kid


def test_a_retired_key_stays_in_the_jwks(tmp_path):
    old = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    old_pem = old.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    keys = SigningKeys.from_settings(
        CampaignSettings(jwt_key_file=tmp_path / "new.pem", jwt_retired_public_keys=[old_pem.decode()])
    )
    assert len(keys.jwks()["keys"]) == 2
    assert keys.jwks()["keys"][0]["kid"] == keys.kid
