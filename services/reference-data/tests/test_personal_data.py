"""Encryption of personal data, the keyed look-up hash, and the masks."""

import base64
import os

import pytest
from cryptography.exceptions import InvalidTag

from reference_data.personal_data import PersonalDataCipher, mask_name, mask_national_id, mask_phone


@pytest.fixture
def cipher() -> PersonalDataCipher:
    return PersonalDataCipher.from_settings(base64.b64encode(os.urandom(32)).decode(), "k" * 40)


def test_a_value_round_trips_and_never_appears_in_the_ciphertext(cipher):
    blob = cipher.encrypt("066190000123", field="national_id")
    assert b"066190000123" not in blob
    assert cipher.decrypt(blob, field="national_id") == "066190000123"
    # A fresh nonce each time: equal values do not give equal ciphertexts.
    assert cipher.encrypt("066190000123", field="national_id") != blob


def test_a_ciphertext_is_bound_to_its_field(cipher):
    blob = cipher.encrypt("0912345678", field="phone")
    with pytest.raises(InvalidTag):
        cipher.decrypt(blob, field="national_id")


def test_another_key_cannot_read_it(cipher):
    other = PersonalDataCipher.from_settings(base64.b64encode(os.urandom(32)).decode(), "k" * 40)
    with pytest.raises(InvalidTag):
        other.decrypt(cipher.encrypt("066190000123", field="national_id"), field="national_id")


def test_the_lookup_hash_is_stable_keyed_and_field_specific(cipher):
    same = cipher.lookup_hash("066190000123", field="national_id")
    assert same == cipher.lookup_hash("066190000123", field="national_id")
    assert same != cipher.lookup_hash("066190000124", field="national_id")
    assert same != cipher.lookup_hash("066190000123", field="phone")
    other_key = PersonalDataCipher.from_settings(base64.b64encode(os.urandom(32)).decode(), "z" * 40)
    assert other_key.lookup_hash("066190000123", field="national_id") != same


def test_masks():
    assert mask_national_id("066190000123") == "066******123"
    assert mask_phone("0912345678") == "091****678"
    assert mask_name("Nguyễn Thị Hương") == "Nguyễn T. H."
    assert mask_name("H'Hen Niê") == "H'Hen N."


def test_keys_of_the_wrong_size_are_refused():
    with pytest.raises(ValueError, match="32 bytes"):
        PersonalDataCipher(b"short", b"k" * 40)
