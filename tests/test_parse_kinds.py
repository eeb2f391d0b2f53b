"""Decision kinds from decision wording (fictional decisions)."""

from __future__ import annotations

from beslutskoll.parse.kinds import decision_kinds


def test_approval_inside_a_recommendation_is_the_other_bodys():
    assert decision_kinds("Nämnden föreslår kommunfullmäktige besluta att anta den nya taxan.") == ["recommendation"]


def test_own_approval_before_a_recommendation_counts():
    text = "Rådet ställer sig bakom planen och rekommenderar kommunerna att anta den."
    assert decision_kinds(text) == ["approval", "recommendation"]


def test_matter_prepared_for_a_later_decision_is_an_assignment():
    assert "assignment" in decision_kinds("Avtalet bereds för beslut vid nästa sammanträde i maj.")
