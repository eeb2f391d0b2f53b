"""Recommendations, each party's adoption of them, coordinators and the audit log.

Recommendation ─< Adoption >─ Organisation (one row per party: the adoption matrix)
Coordinator: a user who may confirm or correct follow-up data of one body.
AuditEntry: every change made by a person (who, when, before, after).
Assignments live in the store (store.Assignment); their status is kept there.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from beslutskoll.store.models import AgendaItem, Assignment, Body, Meeting, Organisation, SourceFile


class Recommendation(models.Model):
    class Source(models.TextChoices):
        MINUTES = "protokoll", "Eget protokoll"
        REFERENCE = "hanvisning", "Känd genom hänvisning"
        MANUAL = "manuell", "Registrerad av samordnare"

    body = models.ForeignKey(Body, verbose_name="organ", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="recommendations")
    body_name = models.CharField("organ (som skrivet)", max_length=300, blank=True)
    date = models.DateField("beslutsdatum", null=True, blank=True, db_index=True)
    number = models.CharField("paragraf", max_length=20, blank=True)
    # the recommending decision itself, once its own minutes are in the register
    item = models.ForeignKey(AgendaItem, verbose_name="beslutspunkt", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="recommendations")
    title = models.CharField("rubrik", max_length=500, blank=True)
    text = models.TextField("rekommendationen", blank=True)
    addressees = models.TextField("mottagare (som skrivet)", blank=True)
    case_number = models.CharField("diarienummer", max_length=100, blank=True)
    county_code = models.CharField("länskod", max_length=2, blank=True)
    source = models.CharField("källa", max_length=12, choices=Source.choices, default=Source.MINUTES)
    closed = models.BooleanField("avslutad", default=False)
    # a coordinator's correction: automatic linking leaves these fields alone
    locked = models.BooleanField("låst av samordnare", default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = "rekommendation"
        verbose_name_plural = "rekommendationer"

    def __str__(self) -> str:
        number = f" § {self.number}" if self.number else ""
        who = self.body.abbreviation or self.body.name if self.body else self.body_name
        return f"{who} {self.date or 'okänt datum'}{number}"


class Adoption(models.Model):
    class Status(models.TextChoices):
        ADOPTED = "antagen", "Antagen"
        REJECTED = "avslagen", "Avslagen"
        PARTLY = "delvis", "Delvis"
        UNDECIDED = "ej beslutad", "Ej beslutad"
        UNKNOWN = "okänd", "Okänd"

    class Via(models.TextChoices):
        REFERENCE = "hanvisning", "Hänvisning"
        TITLE = "rubrik", "Rubrik"
        CASE = "diarienummer", "Diarienummer"
        ROUND = "runda", "Uppföljningsrunda"
        COORDINATOR = "samordnare", "Samordnare"
        NONE = "", "–"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="adoptions")
    organisation = models.ForeignKey(Organisation, verbose_name="part", on_delete=models.CASCADE,
                                     related_name="adoptions")
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.UNKNOWN)
    item = models.ForeignKey(AgendaItem, verbose_name="beslutande punkt", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="adoptions")
    # the meeting whose minutes report the status (a follow-up round), when no own decision is known
    reported_in = models.ForeignKey(Meeting, verbose_name="rapporterad i", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="adoption_reports")
    # the item where a follow-up round reported the status
    report_item = models.ForeignKey(AgendaItem, verbose_name="rapporterad under punkt", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="round_reports")
    via = models.CharField("kopplad genom", max_length=12, choices=Via.choices, blank=True)
    note = models.TextField("anteckning", blank=True)
    decided = models.DateField("datum", null=True, blank=True)
    locked = models.BooleanField("låst av samordnare", default=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["recommendation", "organisation__kind", "organisation__name"]
        verbose_name = "antagande"
        verbose_name_plural = "antaganden"
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "organisation"], name="one_adoption_per_party")
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_status_display()}"


class TextScan(models.Model):
    """What the follow-up stage found in an original document's full text, kept so that
    the original is read once per version of the reader."""

    file = models.OneToOneField(SourceFile, on_delete=models.CASCADE, related_name="followup_scan")
    version = models.PositiveIntegerField()
    found = models.JSONField(default=dict)


class Coordinator(models.Model):
    """A person in charge of following up one body's decisions."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordinates")
    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="coordinators")

    class Meta:
        verbose_name = "samordnare"
        verbose_name_plural = "samordnare"
        constraints = [models.UniqueConstraint(fields=["user", "body"], name="one_coordinator_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.body}"


class AuditEntry(models.Model):
    """One change by a person: what, who, when, the value before and after."""

    at = models.DateTimeField("tidpunkt", auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="av", null=True,
                             on_delete=models.SET_NULL, related_name="followup_changes")
    username = models.CharField("användare", max_length=150)
    recommendation = models.ForeignKey(Recommendation, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="audit")
    adoption = models.ForeignKey(Adoption, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit")
    assignment = models.ForeignKey(Assignment, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="audit")
    # the agenda item whose page shows this change
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit")
    target = models.CharField("vad", max_length=300)
    field = models.CharField("fält", max_length=40)
    before = models.JSONField("före", null=True)
    after = models.JSONField("efter", null=True)
    comment = models.TextField("kommentar", blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "ändring"
        verbose_name_plural = "ändringslogg"
