"""Every IRI the project writes, spelled once: the project's vocabulary and the ones it reuses.

``ontology/timeline-graph.ttl`` is the source of truth for the ``tg:`` terms; :data:`TG_TERMS`
mirrors it and a test keeps the two equal. Reused vocabularies come from rdflib's closed
namespaces where rdflib has them (PROV-O, OWL-Time, Dublin Core terms, schema.org, FOAF), so a
misspelt term fails at import time instead of producing a silent, wrong IRI.

>>> str(TG.Event)
'https://w3id.org/timeline-graph/ns#Event'
>>> str(OA.TextQuoteSelector)
'http://www.w3.org/ns/oa#TextQuoteSelector'
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    TIME,
    XSD,
    ClosedNamespace,
)

__all__ = [
    "DCTERMS",
    "EDTF",
    "EDTF_DATATYPE",
    "FOAF",
    "OA",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SPDX",
    "STANDARD_NAMESPACES",
    "TG",
    "TG_NS",
    "TG_TERMS",
    "TIME",
    "XSD",
]

TG_NS = "https://w3id.org/timeline-graph/ns#"

#: Every term of ``ontology/timeline-graph.ttl``, classes first.
TG_TERMS: tuple[str, ...] = (
    # classes
    "Assertions",
    "Case",
    "Citation",
    "Claim",
    "ClaimCluster",
    "Conflict",
    "Container",
    "CurationDecision",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "MetadataOrigin",
    "Participation",
    "Quantity",
    "Report",
    "Role",
    "Span",
    "TimeValue",
    # properties
    "action",
    "admiraltyGrade",
    "affiliation",
    "anchor",
    "citationKind",
    "cites",
    "citesLabel",
    "citingDocument",
    "claimantName",
    "cluster",
    "conflictDocument",
    "conflictItem",
    "conflictKind",
    "containerPath",
    "contentPart",
    "credibility",
    "cue",
    "decisionTarget",
    "decisionValue",
    "edtf",
    "entity",
    "entityKind",
    "eventKind",
    "evidence",
    "explanation",
    "extractor",
    "field",
    "gradedBy",
    "heldRole",
    "measure",
    "mention",
    "messageId",
    "metadataOrigin",
    "ordered",
    "origin",
    "pageStart",
    "participant",
    "participation",
    "position",
    "precision",
    "published",
    "qualifier",
    "quote",
    "quotedPassage",
    "reason",
    "reliability",
    "repliesTo",
    "report",
    "reported",
    "reportedIn",
    "reportedWithin",
    "roleName",
    "roleTitle",
    "series",
    "sha256",
    "sourcePath",
    "sourceSpan",
    "span",
    "statedIn",
    "statedTime",
    "subjectName",
    "text",
    "time",
    "timeText",
    "unnamedSource",
    "verb",
)

#: The project's own vocabulary.
TG = ClosedNamespace(TG_NS, list(TG_TERMS))

#: W3C Web Annotation vocabulary (only the terms used here).
OA = ClosedNamespace(
    "http://www.w3.org/ns/oa#",
    [
        "Annotation",
        "SpecificResource",
        "TextPositionSelector",
        "TextQuoteSelector",
        "assessing",
        "describing",
        "end",
        "exact",
        "hasBody",
        "hasSelector",
        "hasSource",
        "hasTarget",
        "identifying",
        "linking",
        "motivatedBy",
        "prefix",
        "start",
        "suffix",
    ],
)

#: SPDX terms for fixity (a document's checksum).
SPDX = ClosedNamespace(
    "http://spdx.org/rdf/terms#",
    ["Checksum", "algorithm", "checksum", "checksumAlgorithm_sha256", "checksumValue"],
)

#: schema.org, under its https form as rdflib spells it.
SCHEMA = SDO

#: The Library of Congress namespace of the EDTF datatype.
EDTF = ClosedNamespace("http://id.loc.gov/datatypes/edtf/", ["EDTF"])
#: The datatype of every EDTF literal (``"2020-06"^^edtf:EDTF``).
EDTF_DATATYPE: URIRef = EDTF.EDTF

#: Prefixes written at the top of every Turtle file, in this order.
PREFIXES: dict[str, str] = {
    "tg": TG_NS,
    "dcterms": str(DCTERMS),
    "edtf": "http://id.loc.gov/datatypes/edtf/",
    "foaf": str(FOAF),
    "oa": "http://www.w3.org/ns/oa#",
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SDO),
    "spdx": "http://spdx.org/rdf/terms#",
    "time": str(TIME),
    "xsd": str(XSD),
}

#: Namespaces of the reused standard vocabularies (everything in PREFIXES but ``tg``).
STANDARD_NAMESPACES: tuple[str, ...] = tuple(v for k, v in PREFIXES.items() if k != "tg")
