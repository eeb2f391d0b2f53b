"""The register's domain model, shaped after OParl 1.1 and adapted to Swedish bodies.

Organisation (region, kommun, län) ─< Body (nämnd, samverkansorgan …) ─< Meeting ─< AgendaItem
AgendaItem ─< Motion, Assignment, Reference;  AgendaItem >─ Matter (ärende by diarienummer)
Person ─< Membership >─ Body;  Meeting ─< Attendance >─ Person
SourceFile: every original document, byte for byte, and the extraction made from it.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    class Kind(models.TextChoices):
        REGION = "region", "Region"
        MUNICIPALITY = "kommun", "Kommun"
        COUNTY = "lan", "Län"
        OTHER = "annan", "Annan"

    name = models.CharField("namn", max_length=200, unique=True)
    kind = models.CharField("typ", max_length=10, choices=Kind.choices, default=Kind.OTHER)
    # SCB: four digits for a kommun, two for a region or län
    scb_code = models.CharField("SCB-kod", max_length=4, blank=True, db_index=True)
    county_code = models.CharField("länskod", max_length=2, blank=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"
        verbose_name_plural = "organisationer"
        constraints = [
            # a län and its region share the two-digit code, so the kind is part of the key
            models.UniqueConstraint(fields=["kind", "scb_code"], condition=~models.Q(scb_code=""),
                                    name="unique_scb_code_per_kind"),
        ]

    def __str__(self) -> str:
        return self.name


class Body(models.Model):
    class Kind(models.TextChoices):
        COMMITTEE = "namnd", "Nämnd"
        BOARD = "styrelse", "Styrelse"
        COUNCIL = "fullmaktige", "Fullmäktige"
        SUBCOMMITTEE = "utskott", "Utskott"
        COLLABORATION = "samverkansorgan", "Samverkansorgan"
        WORKING_GROUP = "beredningsgrupp", "Beredningsgrupp"
        OTHER = "annat", "Annat"

    name = models.CharField("namn", max_length=300)
    abbreviation = models.CharField("förkortning", max_length=40, blank=True)
    kind = models.CharField("typ", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    organisation = models.ForeignKey(
        Organisation, verbose_name="organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="bodies",
    )
    parent = models.ForeignKey(
        "self", verbose_name="överordnat organ", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="children",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "organ"
        verbose_name_plural = "organ"

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class BodyAlias(models.Model):
    """A spelling under which a body appears; `key` is the normalised form used for matching."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("namn", max_length=300)
    # not unique: "Socialnämnden" of two municipalities are two bodies
    key = models.CharField("nyckel", max_length=300, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "alternativt namn"
        verbose_name_plural = "alternativa namn"
        constraints = [models.UniqueConstraint(fields=["body", "key"], name="unique_body_alias")]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    name = models.CharField("namn", max_length=200, db_index=True)
    # the name folded for matching across documents (case, hyphens, spacing)
    key = models.CharField("nyckel", max_length=200, db_index=True, blank=True, editable=False)
    party = models.CharField("parti", max_length=40, blank=True)
    affiliation = models.CharField("tillhörighet", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "personer"

    def __str__(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name

    def save(self, *args, **kwargs) -> None:
        from beslutskoll.store.identity import name_key
        from beslutskoll.store.privacy import mask

        self.key = name_key(mask(self.name))  # masked first: the key must not keep an identity number
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "key"}
        super().save(*args, **kwargs)


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    party = models.CharField("parti", max_length=40, blank=True)
    role = models.CharField("roll", max_length=100, blank=True)
    # first and last meeting date at which the person sat in the body in this role
    start = models.DateField("från", null=True, blank=True)
    end = models.DateField("till", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "person__name"]
        verbose_name = "ledamotskap"
        verbose_name_plural = "ledamotskap"
        constraints = [models.UniqueConstraint(fields=["person", "body", "role"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.person} – {self.role or 'ledamot'}, {self.body}"


class SourceFile(models.Model):
    """An original document as ingested. A changed document at the same path supersedes the old one,
    which stays (with its extraction) as history."""

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField("filnamn", max_length=500)
    source_path = models.CharField("sökväg vid inläsning", max_length=2000, db_index=True)
    media_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField()
    pages = models.PositiveIntegerField(default=0)
    ingested_at = models.DateTimeField(auto_now_add=True)
    extraction = models.JSONField("extraktion (v1)")
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="previous_versions"
    )
    # the same document in another format (the minutes as PDF and as DOCX): no meeting of its own
    same_as = models.ForeignKey(
        "self", verbose_name="samma handling som", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="renditions",
    )

    class Meta:
        ordering = ["-ingested_at"]
        verbose_name = "originalfil"
        verbose_name_plural = "originalfiler"

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    body = models.ForeignKey(Body, verbose_name="organ", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="meetings")
    file = models.OneToOneField(SourceFile, on_delete=models.CASCADE, related_name="meeting")
    document_type = models.CharField("dokumenttyp", max_length=20)
    date = models.DateField("datum", null=True, blank=True, db_index=True)
    start = models.TimeField("start", null=True, blank=True)
    end = models.TimeField("slut", null=True, blank=True)
    location = models.CharField("plats", max_length=300, blank=True)
    case_number = models.CharField("diarienummer", max_length=100, blank=True)
    chair = models.ForeignKey(Person, verbose_name="ordförande", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="chaired")
    secretary = models.ForeignKey(Person, verbose_name="sekreterare", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="minuted")
    adjusters = models.ManyToManyField(Person, verbose_name="justerare", blank=True, related_name="adjusted")
    adjustment_date = models.DateField("justeringsdatum", null=True, blank=True)
    adjustment_place = models.CharField("justeringsplats", max_length=300, blank=True)
    history = HistoricalRecords(m2m_fields=[adjusters])

    class Meta:
        ordering = ["-date", "body__name"]
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"

    def __str__(self) -> str:
        return f"{self.body or 'Okänt organ'} {self.date or ''}".strip()


class Attendance(models.Model):
    class Group(models.TextChoices):
        DECIDING = "beslutande", "Beslutande"
        SUBSTITUTE = "ersattare", "Ersättare"
        OTHER = "ovriga", "Övriga närvarande"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    group = models.CharField("grupp", max_length=12, choices=Group.choices, blank=True)
    role = models.CharField("roll", max_length=100, blank=True)
    party = models.CharField("parti", max_length=40, blank=True)
    affiliation = models.CharField("tillhörighet", max_length=200, blank=True)
    replaces = models.ForeignKey(Person, verbose_name="ersätter", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="replaced_by")
    presence = models.CharField("närvaro", max_length=100, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"

    def __str__(self) -> str:
        return f"{self.person} vid {self.meeting}"


class Matter(models.Model):
    """An ärende followed across meetings by its diarienummer."""

    case_number = models.CharField("diarienummer", max_length=100, unique=True)
    title = models.CharField("rubrik", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["case_number"]
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"

    def __str__(self) -> str:
        return f"{self.case_number} {self.title}".strip()


class AgendaItem(models.Model):
    class Category(models.TextChoices):
        INFORMATION = "information", "Information"
        DECISION = "beslut", "Beslut"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField("ordning")
    number = models.CharField("nummer", max_length=20, blank=True)
    title = models.TextField("rubrik")
    matter = models.ForeignKey(Matter, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    case_number = models.CharField("diarienummer", max_length=100, blank=True)
    time = models.TimeField("tid", null=True, blank=True)
    category = models.CharField("kategori", max_length=12, choices=Category.choices, blank=True)
    presenters = models.ManyToManyField(Person, verbose_name="föredragande", blank=True, related_name="presented")
    summary = models.TextField("sammanfattning", blank=True)
    proposal = models.TextField("förslag till beslut", blank=True)
    decision = models.TextField("beslut", blank=True)
    decision_kinds = models.JSONField("beslutstyper", default=list, blank=True)
    documents = models.JSONField("beslutsunderlag", default=list, blank=True)
    sent_to = models.JSONField("beslut skickas till", default=list, blank=True)
    # page of the original file where the item starts (1-based), for links to the original
    page = models.PositiveIntegerField("sida", null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[presenters])

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = "ärendepunkt"
        verbose_name_plural = "ärendepunkter"

    def __str__(self) -> str:
        prefix = f"§ {self.number} " if self.number else ""
        return f"{prefix}{self.title}"


class Motion(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="motions")
    by_name = models.CharField("yrkande av", max_length=200, blank=True)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="motions")
    text = models.TextField("yrkande")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "yrkande"
        verbose_name_plural = "yrkanden"

    def __str__(self) -> str:
        return f"{self.by_name or 'Yrkande'}: {self.text[:60]}"


class Assignment(models.Model):
    class Status(models.TextChoices):
        OPEN = "oppen", "Öppen"
        REPORTED = "aterrapporterad", "Återrapporterad"
        LATE = "forsenad", "Försenad"
        DONE = "klar", "Klar"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="assignments")
    assignee = models.CharField("uppdragstagare", max_length=300, blank=True)
    task = models.TextField("uppdrag")
    due = models.DateField("senast", null=True, blank=True, db_index=True)
    status = models.CharField("status", max_length=16, choices=Status.choices, default=Status.OPEN)
    reported_in = models.ForeignKey(AgendaItem, verbose_name="återrapporterad i", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="reports")
    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "id"]
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"

    def __str__(self) -> str:
        return f"{self.assignee or 'Uppdrag'}: {self.task[:60]}"


class Reference(models.Model):
    """An earlier decision that an item builds on, as written; `target` once that decision is in the register."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="references")
    body_name = models.CharField("organ", max_length=300, blank=True)
    body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="referenced_in")
    date = models.DateField("datum", null=True, blank=True)
    number = models.CharField("paragraf", max_length=20, blank=True)
    target = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="referenced_by")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hänvisning"
        verbose_name_plural = "hänvisningar"

    def __str__(self) -> str:
        parts = [self.body_name, str(self.date or ""), f"§ {self.number}" if self.number else ""]
        return " ".join(p for p in parts if p) or "Hänvisning"
