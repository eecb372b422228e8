"""Re-create the texts of the fetched English contracts (en-901..., en-1001..., ..., en-1401..., en-1501..., en-1601..., en-1701..., en-1801..., en-1901..., en-2001..., en-2101..., en-2201...) from their original files.

Companion of fetched_text.py (the Chinese fetched texts). The originals are PDF and Word files in public
repositories brought with the `fetch` tool; nothing fetched is committed, so this script only records how each
text was made (FETCHED.md lists the sources and the sha256 of each original file).

Usage: python benchmarks/corpora/contracts/fetched_text_en.py MIRROR_ROOT OUT_DIR
  MIRROR_ROOT holds the fetched git directories as <owner>+<name>/repo (e.g. /work/.mirror);
  OUT_DIR receives en-9NN.txt, en-10NN.txt, en-11NN.txt, en-12NN.txt, en-13NN.txt, en-14NN.txt, en-15NN.txt and en-16NN.txt
  (e.g. /work/corpus/contracts/en).
Web pages (HTML_DOCS): the text of each element on its own line, scripts, styles and comments dropped, from the
first line equal to the start heading to the line before the end marker.
PDF: `pdftotext -layout`; the kept parts run from the n-th line starting with a heading to the first later line
starting with the end heading (whitespace ignored); each line is stripped and its inner runs of spaces squeezed,
page-number lines and the document's running headers are dropped, e-mail addresses and US telephone numbers
become [e-mail] and [phone], names of signatories found by their context (PDF_DOCS' regexes) become [name].
Word: python-docx paragraphs and table rows (cells joined by " | ", see fetched_text.docx_text) with
fetched_text.clean, inner runs of spaces squeezed and lines stripped; then the document's own steps (cut, line
ranges, dropped lines, placeholders for names of signatories and contacts, found by their context).
PDF sets (PDF_SETS, en-1101...): one or more PDF files of one tender or one form, each converted as above and joined
in order; then regex replacements (names of people become [name], found by their context).
Server pages (JSP_DOCS, en-1501...): a form kept as a Java Server Page: JSP directives, scripts, styles and comments
dropped, the organisation's name expression shown as [Municipal body] and every other ${...} field as [its last
name], one line per paragraph, list item, table row or cell, from the first line starting with the start heading to
the line before the end marker.
Markup texts (MARKUP_DOCS, en-1301...): a text file in a repository. CommonAccord markup ("N.Ti=title", "N.sec=text"):
one line per title or text, "N title" / "N text", the kept top-level sections only, includes ("=[...]") and
references ("{...}") dropped. Markdown with HTML spans: tags and markdown emphasis removed, list indentation stripped.
React components (JSX_DOCS, en-1601...): the text inside the markup, one line per paragraph, list item or heading,
JavaScript expressions in braces dropped, from the line starting with the start heading to before the end marker.
Blade print forms (BLADE_DOCS, en-1803...): Blade comments dropped, <br> read as a space, then as the server pages.
TypeScript content arrays (TS_ARRAY_DOCS, en-1701...): the `content:` string of each item of a {type, content} array (a
heading, paragraph or bullet), one line each, in order.
JavaScript string constants (JS_STRING_DOCS, en-2003...): the named constants' strings, escapes read, HTML entities decoded.
pdfmake documents (PDFMAKE_DOCS, en-2005...): the fixed `text:` strings and numbered `ol` items between two marker lines.
Blade translation-string forms (BLADE_TRANS_DOCS, en-2104...): each {{ __('text') }} or {{ __("text") }} replaced by
its text, Blade @-directives
dropped, then as the Blade print forms.
Markdown spans (MARKDOWN_SPAN_DOCS, en-2102...): a Markdown file read as the markup texts, from the first line starting with
the start heading to the line before the end marker (or the end), then (regex, replacement) pairs that put [name] and
[phone] for people found by their context.
heldout22 (DOCS22, en-2201...): each entry names its reader, "pdf" (as PDF_DOCS: parts, dropped lines, regexes) or
"markdown_span" (as MARKDOWN_SPAN_DOCS: start, end, regexes).
heldout23 (DOCS23, en-2301...): the same readers as DOCS22, read by emit_later_docs(); a Jekyll post's Liquid fields
({{ page.x }}) are filled from its front matter by the entry's regexes (the page as the site renders it).
heldout24 (DOCS24, en-2401...): read by emit_later_docs(); readers "pdf" and "markdown_span" as DOCS22, and "jsx" (start, end,
subs): jsx_text as JSX_DOCS, then (regex, replacement) pairs.
heldout25 (DOCS25, en-2501...): read by emit_later_docs(); readers "pdf" and "markdown_span" as DOCS22, and "docx" (steps): a
Word file read as OTHER_DOCX_DOCS (docx_doc_text with the entry's steps).
heldout26 (DOCS26, en-2601...): read by emit_later_docs(); readers "jsx" (start, end, subs) as DOCS24 and "blade" (start, end,
subs): blade_text as BLADE_DOCS, then (regex, replacement) pairs.
heldout27 (DOCS27, en-2701...): read by emit_later_docs(); reader "php" (start, end, subs): a PHP view read as the server pages
(jsp_text: <?= ... ?> fields dropped as tags, <br> a line break), then (regex, replacement) pairs; and "blade" as DOCS26.
heldout28 (DOCS28, en-2801...): read by emit_later_docs(); reader "tsx_strings" (spans): a React page whose text sits in string
constants and arrays of {title, text/content} objects; block comments dropped, then for each (start, end) span of the source,
in the order the page renders them, every string literal in it (template, double- or single-quoted), one line per line of
the string, inner runs of whitespace squeezed, empty lines dropped.
heldout29 (DOCS29, en-2901...): read by emit_later_docs(); readers "pdf" as DOCS22 and "pdf_columns" (pages, drops, subs): a
two-column PDF read half page by half page (`pdftotext -layout` with a crop box), dropped lines removed, the lines of each
paragraph joined, then (regex, replacement) pairs.
heldout30 (DOCS30, en-3001...): read by emit_later_docs(); reader "markdown_span" as DOCS22 (start, end, regexes; the regexes
drop a page's table of contents and blockquote marks and put [e-mail] for e-mail addresses).
heldout31 (DOCS31, en-3101...): read by emit_later_docs(); readers "pdf" as DOCS22 (parts, dropped lines, regexes: zero-width
spaces removed; a double-spaced PDF's blank lines dropped) and "blade" as DOCS26 (start, end, subs).
heldout32 (DOCS32, en-3201...): read by emit_later_docs(); readers "pdf" as DOCS22 and "markdown_parts" (parts, subs): a Markdown
file read as markdown_text, then for each (start, occurrence, end) part the lines from the occurrence-th line starting with
`start` to before the first later line starting with `end` (as the PDF parts), the parts joined by a blank line, then
(regex, replacement) pairs (the Markdown backslash escapes read).
heldout33 (DOCS33, en-3301...): read by emit_later_docs(); readers "docx" as DOCS25 (steps: the kept line ranges of the Word
text) and "pdf" as DOCS22 (parts, dropped running headers and footers, regexes putting [name] for people).
heldout34 (DOCS34, en-3401...): read by emit_later_docs(); reader "jsx" as DOCS24 (start, end, subs: the React pages of three
manufacturers' or distributors' purchase terms for suppliers, the components' closing lines removed).
heldout35 (DOCS35, en-3501...): read by emit_later_docs(); readers "php_fields" (start, end, fields, subs): a PHP template whose
echo fields (<?=$name;?>) are filled with the values its controller sets (fields: (name, value) pairs), other PHP tags dropped,
then read as the server pages (jsp_text) and (regex, replacement) pairs applied; and "php" as DOCS27.
heldout36 (DOCS36, en-3601...): read by emit_later_docs(); readers "markdown_parts" as DOCS32 (a contract-review tool's Markdown
transcription of a signed master supply agreement: page markers, page numbers and initials lines dropped, names and the e-mail
address in the notice block shown as [name] and [e-mail]) and "markdown_span" as DOCS22 (a company website's Markdown page, the
Markdown backslash escapes read).
heldout37 (DOCS37, en-3701...): read by emit_later_docs(); readers "php" as DOCS27 (a Java Server Page read by jsp_text: a
government research contract form printed empty, the replacement characters of its Latin-1 non-breaking spaces removed) and
"jsx" as DOCS24 (a school district's contract form rebuilt as a React page: the input widgets' leftover handler text removed,
spaces and empty lines squeezed, the district's telephone number shown as [phone]).
heldout38 (DOCS38, en-3801...): read by emit_later_docs(); reader "markdown_span" as DOCS22 (two Markdown files kept in their
publishers' own repositories: a non-profit's terms for the interns it pays as independent contractors, the Outreachy organisers'
e-mail address shown as [e-mail]; and a small media company's contractor agreement for developers' sprint bids).
heldout39 (DOCS39, en-3901...): read by emit_later_docs(); readers "blade" as DOCS26 (a Dubai delivery company's agreement with its
delivery riders, printed by the company's rider-management application: the rider's and rate-table fields shown as placeholders,
the Blade loop lines dropped), "pdf" as DOCS22 (a Nigerian courier platform's general terms for riders, the PDF on its website) and
"php" as DOCS27 (an Indian artist-booking company's terms with its artists, a Java Server Page of its website).
heldout41 (DOCS41, en-4101...): read by emit_docs41(), one entry per document naming several files of one commit, each with its
(start, end) spans of the source in the order the page renders them; reader "react_pdf" (react_pdf_text): the text of a
@react-pdf/renderer document whose clauses sit in arrays of {id, heading, description, children, left, right} objects - a
left/right table row as "left | right", an item label with its description ("a. ..."), each heading and description string,
and the text of each <Text> element, one line each, HTML entities decoded, runs of whitespace squeezed; then (regex,
replacement) pairs (a state-government IT agency's bid-document template: the cover, the General and the Special Conditions of
the proposed contract; the agency's telephone number and e-mail address shown as [phone] and [e-mail]).
heldout43 (DOCS43, en-4301...): read by emit_docs43(); readers "pdf" as DOCS22 (a language-services company's purchase-order
terms for freelance linguists, kept as a course's reference PDF: the PO's notes and its invoicing and PO terms, the course's
running footer dropped) and "pdf_crop" (width, parts, drops, subs): a PDF read as "pdf" but from `pdftotext -layout` of the left
`width` points of each page only (a Word print whose right margin holds review comments: the American Translators Association's
model independent contractor agreement as the same course annotates it, the comments left out), both through read_doc;
and "django" (template directory, main template, included templates; start, end, subs): a
Django template with its {% include %} tags replaced by the included templates of the same commit, then the entry's (regex,
replacement) pairs on the source (the unsigned branch of an {% if is_signed %} block kept), every {{ field }} shown as
[field], the other {% ... %} tags dropped, then read as the server pages (jsp_text) from the start line to the end (a
university department's letter engaging guest speakers as independent contractors, printed by its records system).
heldout45 (DOCS45, en-4501...): read by emit_later_docs() through read_doc; reader "migradoc" (spans, subs): a report built in C#
with MigraDoc (migradoc_text): for each (start, end) span of the source, commented lines dropped, each table row (the cells
added before each AddRowContent or AddFormattedRowContent call) one line, each cell's text its string literal (literals joined
by +, escapes read) or the pieces of its TextWithFormat array joined, a field (an expression) shown as [its last name], the
cells of a row joined by a space, runs of whitespace squeezed; then (regex, replacement) pairs (a Philippine state
university's request for quotation with its terms and conditions, contract agreement form and purchase order for goods,
printed by its financial management information system; the committee chairman's name, the office telephone number and
e-mail address shown as [name], [phone] and [e-mail]).
heldout47 (DOCS47, en-4701...): read by emit_later_docs() through read_doc; reader "docx" as DOCS25 (steps): a Tanzanian road
transport company's Word template of its transportation (road carriage) agreement with the clients whose containers it
carries, kept in the company's logistics ERP; the template's {{...}} fields (blanked by fetched_text.clean) shown as [field].
heldout49 (DOCS49, en-4901...): read by emit_later_docs() through read_doc; reader "markdown_span" as DOCS22 (start, end, regexes): the
Statement of Work of a federal court's request for quote for an agile software-development task order, kept as Markdown in the
court's own procurement repository; the regexes put [e-mail] for the e-mail address, read the Markdown backslash escapes, drop
the single-asterisk emphasis marks and put a space where a table cell's line break was removed.
heldout51 (DOCS51, en-5101...): read by emit_later_docs() through read_doc; reader "razor" (spans, subs): a Razor view (razor_text:
for each (start, end) span of the source, in order, Razor model expressions (@Model.X.Y) shown as [Y], every tag a line
break, HTML entities decoded, each line stripped and its whitespace squeezed, empty lines dropped, then (regex, replacement)
pairs: a Scottish hi-fi manufacturer's purchase-order print with its conditions of purchase, the switchboard number as
[phone]); readers "docx" as DOCS25 (a municipally owned US utility's purchase-order terms and conditions, the blank Word
form: the e-mail addresses blanked by fetched_text.clean shown as [e-mail], the service desk's number as [phone], a
paragraph split inside a term joined) and "pdf" as DOCS22 (a US transit authority's request for proposal for temporary
staffing services: its Scope of Work, Terms and Conditions, General Terms and Billing and Payment parts, the running
headers and footers dropped).
heldout52 (DOCS52, en-5201...): read by emit_later_docs() through read_doc; reader "php_echo" (spans, subs): a PHP view
(php_echo_text: for each (start, end) span of the source, in order, each echo tag <?= ... ?> shown as [its last array key
or variable name], the other PHP tags dropped, then read as the server pages (jsp_text) from the first line, then (regex,
replacement) pairs): a Philippine construction company's purchase-order print with the terms on its face and its general
terms and conditions for the purchase of goods and services, as its asset and procurement application prints them.
heldout54 (CUAD54, en-5401...): read by emit_cuad54() from CUAD v1 ("Contract Understanding Atticus Dataset (CUAD) v1, The
Atticus Project, Inc.", CC BY 4.0), not from the mirror: the file ../shared/bench/cuad/cuad_dev.jsonl beside the repository
(one JSON object a line: contract_id, title, text); the run skips these texts with a message when that file is absent. Each
entry names the contract_id, its 0-based line in the file (only odd lines are used: the even ones served for tuning) and the
sha256 of its `text`, which is checked; reader cuad_text: each line's runs of spaces squeezed and the line stripped, the
entry's page-number lines dropped, then (regex, replacement) pairs that put [NAME] for the people who signed or are named
and [PHONE] for telephone and fax numbers, blank lines squeezed (four manufacturing and supply agreements filed with the SEC
by Sonos, MediWound, BellRing Brands and ElectraMeccanica).
heldout56 (CUAD56, en-5601...): read by emit_cuad56() from the same CUAD file, odd lines only, in the same way as CUAD54 (entry:
contract_id, 0-based line, sha256 of the text, page-number and running-footer lines dropped, (regex, replacement) pairs that
put [NAME] for the people who signed or are named as contacts, [EMAIL], [PHONE], [ACCOUNT] for a tax number and [ADDRESS] for
the home address of a one-person company): four services agreements filed with the SEC by Clickstream (application
development), Driven Deliveries (consulting), Ability (outsourced services) and On2 Technologies (support and maintenance).
heldout57 (CUAD57, en-5701...): read by emit_cuad57() from the same CUAD file, odd lines only, in the same way as CUAD54 (entry:
contract_id, 0-based line, sha256 of the text, page-number and running-footer lines dropped, (regex, replacement) pairs that
put [NAME] for the people who signed or are named as contacts and remove the page numbers left at the end of a line): two
supply agreements for goods (Profound Medical with Philips, a medical device; Vaxcyte's predecessor SutroVax with Sutro
Biopharma, cell-free extracts) and two services agreements drafted by the customer (ZTO Express's road transportation
agreement with a carrier; DGT's photo-retouching outsourcing agreement), filed with the SEC.
heldout58 (CUAD58, en-5801...): read by emit_cuad58() from the same CUAD file, odd lines only, in the same way as CUAD54 (entry:
contract_id, 0-based line, sha256 of the text, page-number and running-header/footer lines dropped, (regex, replacement) pairs
that put [NAME] for the people who signed or are named as contacts and [PHONE] for telephone numbers and remove the page
marks left inside a line): three services agreements drafted by the customer (EDGE Communications' subcontract with FTE
Networks for outside-plant telecom work; Jiangsu Telecom's Dazzle Interactive with iDreamSky for mobile games, and Baidu's
search cooperation with Cheetah Mobile's Beike Internet, both English translations) and a near-balanced courier cooperation
(Purolator and Dynamex's Parcelway), filed with the SEC.
heldout59 (CUAD59, en-5901...): read by emit_cuad59() from the same CUAD file, odd lines only, in the same way as CUAD54 (entry:
contract_id, 0-based line, sha256 of the text, page-number and running-header/footer lines dropped, (regex, replacement) pairs
that put [NAME] for the people who signed, are named as contacts or are the individual party and [PHONE] for telephone and fax
numbers and remove the page marks left at the end of a line): three services agreements drafted by the customer (Rogers Cable's
video-on-demand content agreement with EuroMedia, Chase's affiliate programme terms, Immunotolerance's consulting agreement) and a
near-balanced logistics outsourcing agreement (CCA Industries and Emerson HealthCare), filed with the SEC.
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from fetched_text import clean, docx_text

Part = tuple[str, int, str | None]
Step = tuple[str, object]

XITM = "RishiAc/XITM_RPF_Analyzer"
LEGALAI = "amiyasekhar/LegalAI"
LEGALAI_COMMIT = "a39bd8da326135e6ddcdcbe5bb73d1be1cefb159"
ATS_COMMIT = "484efa0fb4abffa4238ab02db8b08ec33221a4e4"
SEC_FOOTER = r"\[\*\] = CERTAIN CONFIDENTIAL.*"
NAME = r"[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+"  # a person's name: first name, optional initial, surname

# id: (repo, commit, path, parts, dropped header lines, (multiline regex, replacement) pairs for names found by context)
PDF_DOCS: dict[str, tuple[str, str, str, tuple[Part, ...], tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "en-901": (
        XITM,
        "a767c908b5f54c4437b4c9970f1c27c6f8144ef3",
        "docs/rpfs/RFP_GMU-RB0607-25_IT_Consulting_and_Staff_Augmentation_Final.pdf",
        (("ATTACHMENT B – STANDARD CONTRACT", 1, "ATTACHMENT C – SAMPLE INVOICE FORMAT"),),
        (
            r"Purchasing Department",
            r"\d+ University Drive, MS \w+, Fairfax, VA \d{5}",
            r"Phone: [\d.]+; http://fiscal\.gmu\.edu/purchasing/",
        ),
        (),
    ),
    "en-902": (
        XITM,
        "333501660d23190cfbbbbd6c5e97ce8f0954e888",
        "docs/rfps/2-RFP 2000004198.pdf",
        (
            ("3. CONTRACT PERIOD AND RENEWAL:", 1, "4. BACKGROUND:"),
            ("20. METHOD OF ORDERING:", 1, "30. USE OF CONTRACT BY OTHER PUBLIC BODIES:"),
            ("25. PROMPT PAYMENT DISCOUNT", 1, "APPROVED:"),
        ),
        (
            r"RFP 2000004198",
            r"Appendix A",
            r"GENERAL CONDITIONS AND INSTRUCTIONS TO BIDDERS",
            r"SPECIAL PROVISIONS",
        ),
        (),
    ),
    "en-903": (
        "zenifold/smart-rfp-portal",
        "3c32349efd8d887d5b44ac7a2322d7d5d6ed33be",
        "RFP 26-4364 ERP System Upgrade Consultant.pdf",
        (
            ("4.00 GENERAL CONTRACTUAL PROVISIONS", 2, "5.00 REQUIRED SUBMISSIONS"),
            ("6.26 Patent and Rights in Data", 1, "6.27 Disadvantaged"),
        ),
        (r"CONTRACTUAL PROVISIONS", r"ADDITIONAL CONTRACTUAL PROVISIONS"),
        (),
    ),
    "en-904": (
        "tremckinley/Memphis-BBQ",
        "97dfba34e0b481e37d065c9f72d6380537c3eabf",
        "public/demo_rfp.pdf",
        (("CITY OF MEMPHIS STANDARD CONTRACT FOR GOODS AND / OR SERVICES", 1, "ADDENDUM"),),
        (r"Page \| \d+",),
        (
            (rf"^{NAME}(?=, Mayor$)", "[name]"),
            (rf"^{NAME}(?=\nChief Legal Officer/City Attorney$)", "[name]"),
        ),
    ),
    "en-912": (
        XITM,
        "a4d02b10b4ed270e12a01c3c7530fad35f89f80b",
        "docs/rfps/K26-0023-25I -RFP-Child Access Case Screeners.pdf",
        (
            ("SECTION I. GENERAL INFORMATION", 2, "END OF SECTION I."),
            ("A. CONTRACT TYPE", 2, "D. PRE-PROPOSAL CONFERENCE"),
            ("L. ACCEPTANCE OF TERMS & CONDITIONS", 2, "P. PROPOSAL AFFIDAVIT"),
        ),
        (r"Solicitation No\. K26-0023-25I.*", r"Rev\. 03/25/2025", r"Page \d+"),
        (),
    ),
    "en-1001": (
        "Crown-Commercial-Service/crown-marketplace",
        "21fa91d835ad390af95cfbaf58be872135bad9f6",
        "public/facilities-management/rm3830/Core Terms (DA) v3.0.2.pdf",
        (("1. Definitions used in the contract", 1, None),),
        (r"Crown Copyright 2020 Version: 3\.0\.2", r"Core Terms"),
        (),
    ),
    "en-1002": (
        "Crown-Commercial-Service/public-sector-contract-prototype",
        "628b08954589ed1538eae226865b6ecf13d5f68c",
        "app/assets/files/schedule28.pdf",
        (("1. Definitions", 1, "Annex: Software"),),
        (
            r"Call-Off Schedule 6 \(ICT Services\)",
            r"Call-Off Ref:",
            r"Crown Copyright 2018",
            r"Framework Ref: RM",
            r"Project Version: v1\.0 \d+",
            r"Model Version: v3\.0",
        ),
        (),
    ),
    "en-1006": (
        "mitfusco98/HealthPrepV2",
        "333510a8ac15960c2c344d1ee263a9775da2f0c1",
        "attached_assets/MULTI-PROVIDER_SERVICE_AGREEMENT_(HealthPrep_Software)_1769544650545.pdf",
        (("MULTI-PROVIDER SERVICE AGREEMENT", 1, "Signatures"),),
        (),
        (),
    ),
    "en-1007": (
        "jyc-super/contract_reviewer",
        "3c5f320584778d761cb8b2029d7ccbeb2c96cfa9",
        "QNLP.ITB.P2 EPC Contract.pdf",
        (
            ("8.7 Delay Damages", 2, "9 Tests on Completion"),
            ("11 Defects Liability", 2, "11.5 Removal of Defective Work"),
            ("13 Changes and Adjustments", 2, "13.2 Value Engineering"),
            ("14 Contract Price and Payment", 2, "18 Insurance"),
        ),
        (r"SINGAPORE \d+\.\d+ \d{2}-\w{3}-\d{2} \d{2}:\d{2}",),
        (),
    ),
    "en-1008": (
        "Srujan0798/rfq2boq",
        "ea1f5dc729313201b6f872d1dd4938e7a6946965",
        "data/real_rfqs/swa_enquiries/01_gsecl_wanakbori_tmd8/RFQ-75810 TMD-8.pdf",
        (
            ("[03]. TECHNO-COMMERCIAL TERMS & CONDITIONS:", 1, "CIRCULAR – I"),
            ("GENERALCONDITION AT CONTRACT", 1, "Contract Labour Information Management System"),
        ),
        (
            r"RFQ No: 75810 Page \d+ of 62",
            r"SIGNATURE OF CONTRACTOR CHIEF ENGINEER \(C&O\),",
            r"WITH SEAL & DATE GSECL, WTPS",
        ),
        (),
    ),
    "en-1003": (
        "Crown-Commercial-Service/public-sector-contract-prototype",
        "628b08954589ed1538eae226865b6ecf13d5f68c",
        "app/assets/files/schedule29.pdf",
        (("1. Definitions", 1, None),),
        (
            r"Call-Off Schedule 10 \(Exit Management\)",
            r"Call-Off Ref:",
            r"Crown Copyright 2018",
            r"Framework Ref: RM",
            r"Project Version: v1\.0 ?\d*",
            r"Model Version: v3\.0",
        ),
        (),
    ),
    "en-915": (
        XITM,
        "27a2fe6d7317c94783179164e4fa490e1a21ecd7",
        "docs/rpfs/rfp_template.pdf",
        (("DELIVERIES OR PERFORMANCE", 1, "LIST OF ATTACHMENTS"),),
        (r"Page \d+ of 38",),
        (),
    ),
    # heldout19: Kenya PPRA standard tender document for works (Rev April 2022), GCC clauses 8, 14.6-14.9, 15-16
    "en-1901": (
        "bnganyi/kentender_v1",
        "7df3d2339714aad3e0a125edab56f51fcecef0a0",
        "docs/prompts/std poc/0. DOC 1. STD FOR WORKS-BUILDING AND ASSOCIATED CIVIL ENGINEERING WORKS Rev April 2022.pdf",
        (
            ("8. COMMENCEMENT, DELAYS AND SUSPENSION", 1, "9. TESTS ON COMPLETION"),
            ("14.6 Issue of Interim Payment", 1, "14.10 Statement at Completion"),
            ("15. TERMINATION BY PROCURING ENTITY", 1, "17. RISK AND RESPONSIBILITY"),
        ),
        (),
        (),
    ),
    # heldout20: Plateau State (Nigeria) Bureau of Public Procurement standard bidding document for goods (July 2017),
    # Section 3 General Conditions of Contract and Section 4 Special Conditions of Contract (body headings: occurrence 2,
    # the first is the table of contents)
    "en-2001": (
        "pictdaNG/plbpp-laravel",
        "018040babb0577495eadbb6ad35c2589bf6ec10e",
        "public/assets/docs/Plateau-BPP-1-Standard-Bidding-Document-Goods-July-2017.pdf",
        (("Section 3. General Conditions of Contract", 2, "Section 5. Bid and Contract Forms"),),
        (),
        (),
    ),
    # heldout21: an Egyptian developer's Particular Conditions to FIDIC 1987 (a scanned, OCR'd PDF; stamp noise kept)
    "en-2101": (
        "yaehabs-creator/aaa-contracts-app",
        "3e47e164ef45570947c43786630be631c803fe22",
        "data/contracts/atrium/C002_Particular_Conditions.pdf",
        (("PARTICULAR CONDITIONS", 1, None),),
        (
            r"Project Title: Karmell 3 Core & Shell PKG.*",
            r"Contract No: 500-004-CC-P11.*",
            r"Volume 1: Conditions of Contract.*",
            r"Section 2&3: Conditions of Contract.*",
            r"FIDIC Fourth Edition 1987.*",
        ),
        (
            (r"(?<=The Employer.s Representative is )Mr\. [A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+", "[name]"),
            (r"^(\s*)(Tel|Fax) ?:.*$", r"\1\2: [phone]"),
        ),
    ),
    # heldout21: an Indian metro-rail company's RESCO solar tender, its General Conditions of Contract and draft PPA
    "en-2103": (
        "Hariprasath1911/book_read",
        "611051ec45b234d3094e98c56eaa684453f5a43f",
        "tender.pdf",
        (
            ("B. GENERAL CONDITIONS OF CONTRACT (GCC)", 1, "SECTION-II"),
            ("DRAFT POWER PURCHASE AGREEMENT (PPA)", 1, "SECTION – VIII"),
        ),
        (r"Page \d+ of 151 Seal and [Ss]ign of Authorized Rep of Bidder",),
        (),
    ),
    # heldout21: an Indian public-sector project company's works tender to sub-contractors, volume I (NIT, forms, memorandum
    # of contract terms, security-deposit guarantee format)
    "en-2105": (
        "Deepakvarna02/Nayacheck",
        "62a03df27768570cf853c86ebf87b451c22fc87c",
        "backend/data/uploads/1777804823801-1707222063_Vol-1.pdf",
        (
            ("NOTICE INVITING e", 1, "ADDENDUM TO INSTRUCTIONS TO TENDERERS"),
            ("PROFORMA FOR SECURITY DEPOSIT CUM PERFORMANCE GUARANTEE", 1, None),
        ),
        (r"Sign and Stamp of Bidder Sign and Stamp of EPIL",),
        (
            (r"^Shri [A-Z][a-z]+ [A-Z][a-z]+,$", "[name],"),
            (r"(?<=Mobile No-)\d{10}", "[phone]"),
            (r"0120-\d{4} \d{3}", "[phone]"),
            (r"(?<=A/C Number: )\d+", "[account]"),
        ),
    ),
}

PHL = "VerticalLabs-ai/rfpagent"
PHL_DIR = "stagehand_examples/rfp_phili/downloads/RFP_B2624978/documents"
AMIR = "AmirFone/Contract-review-service-pilot"
AMIR_COMMIT = "6adf86d3a7787fa512ed6229a30e5b7ddd785f8b"
DPS = "Newtdev/Durham"
DPS_COMMIT = "8ed7ad39e159dbfffb7ff9c42fb6900f0c776af9"

# id: (repo, commit, ((path, parts), ...), dropped header lines, (regex, replacement) pairs); the files' texts are joined
# in order (several files of one tender), each converted like PDF_DOCS; the regexes replace people's names by context,
# so that no name is written here
PDF_SETS: dict[
    str,
    tuple[str, str, tuple[tuple[str, tuple[Part, ...]], ...], tuple[str, ...], tuple[tuple[str, str], ...]],
] = {
    "en-1101": (
        PHL,
        "c32c7dcff0f930ec9c3017de2a6ecdf969b996a8",
        (
            (
                f"{PHL_DIR}/Invitation and Bid B2624978 Bottled Water 16.9oz and 700 ml.pdf",
                (
                    ("1.2 Contract Term:", 2, "1.4 Methodology of Acquisition"),
                    ("Section 4 Contract Management", 2, "Section 5 Pricing"),
                ),
            ),
            (
                f"{PHL_DIR}/B2624978 Terms and Conditions.pdf",
                (
                    ("10. CANCELLATION AND AWARD", 1, "TAX MATTERS"),
                    ("33. FORUM SELECTION", 1, None),
                ),
            ),
        ),
        (
            r"Invitation and Bid",
            r"City of Philadelphia",
            r"Procurement Department",
            r"Philadelphia, PA \d{5}-\d{4}",
            r"Bid Number: B2624978 Page \d+",
            r"Revised April 5, 2019",
        ),
        (),
    ),
    "en-1102": (
        AMIR,
        AMIR_COMMIT,
        (("Sample Contract.pdf", (("EXHIBIT A", 1, "(SIGNATURES ON NEXT PAGE)"),)),),
        (),
        ((r"(?<=named person: )[^,\n]+(?=,)", "[name]"), (r"(?<=Attn: )[^,\n]+(?=, Director)", "[name]")),
    ),
    "en-1103": (
        AMIR,
        AMIR_COMMIT,
        (
            (
                "RFP CP-21-02 Hollywood StreetscapeSMF 2.pdf",
                (
                    ("J. CHANGES IN THE WORK", 1, "L. EXECUTION OF WORK"),
                    ("N. SUSPENSION, ABANDONMENT OR DELAY", 1, "P. USE OF THE PREMISES"),
                    ("Q. PAYMENTS TO THE CONTRACTOR", 1, "V. ACCIDENT PREVENTION"),
                    ("VII. SAMPLE CONTRACTOR AGREEMENT", 1, "I. SCOPE OF WORK"),
                    ("II. DATES OF WORK", 1, "IN WITNESS WHEREOF"),
                ),
            ),
        ),
        (r"RFP CP-21-02",),
        (),
    ),
    "en-1104": (
        AMIR,
        AMIR_COMMIT,
        (
            (
                "SB020-22Inv.pdf",
                (
                    ("This CONTRACT made and entered into", 1, "(Signatures Next Page)"),
                    ("SUPPLEMENTAL GENERAL CONDITIONS", 1, "PURCHASING DEPARTMENT"),
                    ("VI. TESTING AND INSPECTION", 1, "XXXII. GEORGIA 811"),
                ),
            ),
        ),
        (
            r"SAMPLE CONTRACT FORM",
            r"LAWRENCEVILLE, GEORGIA",
            r"SUPPLEMENTAL GENERAL CONDITIONS",
            r"CITY OF LAWRENCEVILLE",
        ),
        (),
    ),
    "en-1105": (
        "TheBenMeadows/HostedFiles",
        "6a2f50b3978e6ce9d66e7ddc7d27c3bcf4b5cd03",
        (("Terms and Conditions.pdf", (("Terms and Conditions", 1, None),)),),
        (),
        (),
    ),
    "en-1106": (
        "CtrlHomeGit/Documents",
        "858807b393c9c1682782df378c9fe7a5dbae386e",
        (("Terms and Conditions.pdf", (("Terms and Conditions", 1, None),)),),
        (r"[\ufffc ]+",),
        ((r"(?<=shall mean )[^,\n]+(?=, doing business as)", "[name]"),),
    ),
    "en-1108": (
        "mabercor/NORTH-CRESCENT-FACILITY-SOLUTIONS-INC",
        "abbf007961429e13aa1ccc5152752dd5ceb4da2d",
        (("terms-and-conditions.pdf", (("TERMS & CONDITIONS", 1, None),)),),
        (),
        (),
    ),
    "en-1107": (
        "ketanrajpal/idfoi.nic.in",
        "5d966eac296366cebc1c0b0c9929f263597e1ba5",
        (
            (
                "rfp.pdf",
                (
                    ("a) The bid should be comprehensive", 1, "Bank should quote as per format"),
                    ("4. SERVICE LEVEL AGREEMENT", 1, "SECTION III"),
                    ("5. AWARD OF CONTRACT", 1, "ANNEXURE"),
                ),
            ),
        ),
        (r"\[\d+\]",),
        (),
    ),
    # heldout12 (helper contracts12-en, session 25): two Durham Public Schools (North Carolina) forms kept in a contract
    # app's repository, an extract of an Indian public-sector enterprise's tender for desktop computers, a SaaS vendor's
    # master service agreement (a supplier-drafted control; the data protection exhibit is left out) and a California
    # regional transportation commission's professional services agreement form
    "en-1201": (
        DPS,
        DPS_COMMIT,
        (
            (
                "src/pages/Dashboard/files/owersContractor/LeChase ESSER Contract Template copy.pdf",
                (("DURHAM PUBLIC SCHOOLS BOARD OF EDUCATION", 1, "PLEASE SUBMIT THIS FORM"),),
            ),
        ),
        (),
        (
            (r"(?<=sent to )[A-Z][a-z]+ [A-Z][a-z]+(?=, Durham Public Schools)", "[name]"),
            (r"(?m)^[A-Z][a-z]+ [A-Z][a-z]+(?=, Board Chair)", "[name]"),
            (r"(?m)(?<=^= )[A-Z][a-z]+ [A-Z][a-z]+(?= January)", "[name]"),
        ),
    ),
    "en-1202": (
        DPS,
        DPS_COMMIT,
        (
            (
                "src/pages/forms/DPS Short Form Engineer/DPSPreview/DPS.pdf",
                (
                    (
                        "ENGINEERING CONSULTANT SERVICES AGREEMENT",
                        1,
                        "Exhibit A – Proposal and Scope of Services",
                    ),
                ),
            ),
        ),
        (r"(F\d{1,2} ?)+",),
        (
            (
                r"(?m)^[A-Z][a-z]+ [A-Z][A-Za-z]+(?=, (Director of Construction|Chief Finance Officer))",
                "[name]",
            ),
        ),
    ),
    "en-1203": (
        "laxmiprasadDhala/Automated-Tender-Document-Compliance-Analysis",
        "cd3ba67c0e1f980291b9a8be8d0b5b7380a070f5",
        (("data/tender.pdf", (("13. Financial Bid Submission:", 1, None),)),),
        (r"TENDER NO\.: NSIC/TOOL ROOM/2016-17/94 \(66\)",),
        (),
    ),
    "en-1204": (
        "narayana-thota/AI-Legal-Contract-Analyzer",
        "0da05b5fb8b96922247cb575d22eae0a6c17541d",
        (("sample_contract.pdf", (("KHOROS MASTER SERVICE AGREEMENT", 2, "EXHIBIT A"),)),),
        (r"PA", r"GE", r"CONFIDENTIAL WHEN SIGNED", r"\\\*", r"Revised: August 19, 2024"),
        (),
    ),
    "en-1205": (
        "sajid-husayn/contractai-legal-rag-pipeline",
        "c83bc7894463077d100e7a90c9109adb38383798",
        (("test_documents/sample_contract.pdf", (("Sample Contract", 1, None),)),),
        (r"\\\\Rtcserv2\\.*",),
        (
            (r"(?<=Attn: )[A-Z][a-z]+ [A-Z][a-z]+", "[name]"),
            (r"(?m)^[A-Z][a-z]+ [A-Z][a-z]+(?=, Contract Manager$)", "[name]"),
        ),
    ),
    # heldout14 (helper contracts14-en, session 26): a Government of India bank's tender for furniture work at a branch
    # (instructions, general and special conditions, agreement form, appendix), the contract part of an Indian state
    # industrial township's system-integrator RFP (timelines, SLA and payment terms of the terms of reference, and the
    # standard form of contract) and the general and special conditions of a Pakistani defence agency's bidding documents
    # for IT software development and maintenance
    "en-1401": (
        "ameetkonnur/openaihack122023",
        "bd310ef7d2b251e2512e4cd60825592bf7d78d5e",
        (("tender.pdf", (("FORM OF TENDER", 1, None),)),),
        (r"Classification: Internal",),
        (
            (r"(?<=\( Ar\. )[A-Z][a-z]+ [A-Z][a-z]+(?= \))", "[name]"),
            (r"(?<=Ph\. No\. )\d{10}", "[phone]"),
        ),
    ),
    "en-1402": (
        "HemantGaikwad7/StrategicERP",
        "6e3e852bca27db0ae5bf02d45b84102c0a924e69",
        (
            (
                "rfp.pdf",
                (
                    ("5.3 Project Tasks, Activities, Timelines and Deliverables", 2, "5.3.1 Key Tasks"),
                    ("5.3.3 Operations & Maintenance Phase", 1, None),
                ),
            ),
        ),
        (
            r"Selection of System Integrator for AURIC City’s e-Land Management System under the Aurangabad",
            r"Industrial Township Limited \(AITL\)",
            r"pg\. \d+",
        ),
        (),
    ),
    "en-1403": (
        "harixraza/DIPO",
        "c6d9f1f19f74c993d9cdef813bf7fe4955885ba0",
        (("rfp.pdf", (("Section VII: GENERAL CONDITIONS OF", 2, "SECTION IX: CONTRACT FORMS"),)),),
        (r"\d+ \| P a g e", r"Page \d+ of 236"),
        ((r"\+92-51-\d{7}-\d", "[phone]"),),
    ),
}

# heldout13 (helper contracts13-en, session 25): text files kept in repositories.
# id: (repo, commit, paths (joined in order), format, kept top-level section numbers (CommonAccord) or None (whole file))
MARKUP_DOCS: dict[str, tuple[str, str, tuple[str, ...], str, tuple[int, ...] | None]] = {
    # an executed master services agreement of the Massachusetts Office of Information Technology (2014), kept in
    # CommonAccord markup: the preamble and the sections on delivery and acceptance, payment, indemnity, liability,
    # termination and disputes
    "en-1301": (
        "CommonAccord/Site-Org",
        "425894b487b4da7029f48d32c1131ebf49725709",
        ("Doc/MIT/MA/IT/MSA/Form.md",),
        "commonaccord",
        (0, 8, 12, 19, 20, 21, 27),
    ),
    # Common Paper's Professional Services Agreement standard terms (version 1, CC BY 4.0)
    "en-1302": (
        "CommonPaper/PSA",
        "3fb650a72d229f6d6e6d64abebae5e83c6699535",
        ("psa.md",),
        "markdown",
        None,
    ),
    # the micro-purchase rules of cloud.gov (GSA Technology Transformation Services) for buying open-source code through
    # competitions run in GitHub issues, and its page on getting paid (public domain, CC0)
    "en-1303": (
        "cloud-gov/product",
        "e2ddbdc334bda27c96400884ee259d791246207d",
        ("micro-purchases/README.md", "micro-purchases/getting-paid.md"),
        "markdown",
        None,
    ),
}

# names of signatories and contacts, found by their context (multiline regexes whose groups capture a name; the "names"
# step replaces every captured name by [name] wherever it occurs), so that no name is written here
NAMES_905 = (
    rf"^Attention: ({NAME})(?:, COO)?$",
    rf"^By: /s/ ({NAME})\nName: \1$",
)
NAMES_909 = (
    rf"^Attention: ({NAME}) \| \| Attention: ({NAME})$",
    rf"^Copy To: ([A-Z]\. [A-Z][a-z]+) \| \| Copy To:\nLegal \| \| ({NAME})\n\| \| General Counsel$",
    rf"^By: \| /s/ ?({NAME}) \| \| By: \| /s/ ?({NAME})$",
)
# id: (path in amiyasekhar/LegalAI, steps applied in order after the common Word conversion)
DOCX_DOCS: dict[str, tuple[str, tuple[Step, ...]]] = {
    "en-905": (
        "contracts/6.Contract.docx",
        (
            ("cut_after", "[Signature Page to Master Service Agreement]"),
            ("drop_lines", (SEC_FOOTER, r"\d{1,2}", r"\|")),
            ("names", NAMES_905),
            ("replace", (("【邮箱】", "[e-mail]"),)),
        ),
    ),
    "en-906": ("contracts/9.Contract.docx", ()),
    "en-907": ("contracts/Component Supply Agreement.docx", ()),
    "en-908": ("contracts/PurchaseandSupplyAgmt.docx", ()),
    "en-909": (
        "contracts/10.Contract.docx",
        (
            ("drop_lines", (r"\d{1,2}",)),
            ("names", NAMES_909),
            ("sub", (r"Fax: \d{3}-\d{3}-\d{4}", "Fax: [fax]")),
            ("replace", (("【邮箱】", "[e-mail]"),)),
        ),
    ),
    "en-910": (
        "contracts/1.Contract.docx",
        (("ranges", ((1, 16), (118, 146), (395, 432), (494, 528), (531, 706))),),
    ),
    "en-911": (
        "contracts/Consulting Services Agreement.docx",
        (
            ("cut_before", "Annexure A: Scope of Work"),
            ("sub", (r"\n(\| ?)+\n", "\n")),
            ("drop_lines", (r"[\| ]+",)),
        ),
    ),
    "en-913": ("contracts/Sales Agreement.docx", ()),
    "en-914": ("contracts/Equipment Supply Agreement.docx", ()),
}

# heldout14: Word files in other repositories. id: (repo, commit, path, steps applied in order after the common Word
# conversion, as in DOCX_DOCS); names of signatories and contacts are found by their context
OTHER_DOCX_DOCS: dict[str, tuple[str, str, str, tuple[Step, ...]]] = {
    # the service agreement (with its data processing agreement) that a Danish public hospital's research unit offers
    # institutions for hosting their brain-imaging data: a supplier-drafted control
    "en-1404": (
        "Public-nEUro/Public-nEUro.github.io",
        "b2291704a1f6319001708dc67ea25438a65ad958",
        "contract.docx",
        (
            (
                "names",
                (
                    rf"^Represented by: Dr ({NAME}),",
                    rf"^Name: (?:Dr|Mr) ({NAME})$",
                    r"^Contact person at sub-processor \| (\w+ \w+), Director",
                ),
            ),
            ("replace", (("【邮箱】", "[e-mail]"),)),
        ),
    ),
    # a general contractor's (Paryani Construction, Atlanta) subcontract template with its special stipulations, kept
    # in the repository of an app that fills it in: buyer-drafted (heldout16)
    "en-1602": (
        "AnujSsStw/contract",
        "d69f405950d5a9015445efab5425a70f1738d296",
        "Subcontract Template(1).docx",
        (
            ("names", (rf"^({NAME})\n5505 Interstate North Parkway, Suite 100$",)),
            ("sub", (r"\(?404\)?[ -]432-7820", "[phone]")),
            ("replace", (("【邮箱】", "[e-mail]"),)),
        ),
    ),
}


# id: (repo, commit, path, first line kept, first line dropped or None, whole-line replacements); web pages kept
# as the text of their elements (scripts and styles dropped, one element per line)
HTML_DOCS: dict[str, tuple[str, str, str, str, str | None, tuple[tuple[str, str], ...]]] = {
    "en-1004": (
        "jmzanetis-cmyk/mycarconcierge",
        "c67e79d1bc421ddb68afa42fd0ccc8c19cb4766e",
        "www/contractor-agreement.html",
        "INDEPENDENT CONTRACTOR AGREEMENT",
        "Sign This Agreement",
        (),
    ),
    "en-1005": (
        "ATS-INC1/ATS-NEW",
        ATS_COMMIT,
        "shipper-broker-terms-and-conditions.html",
        "ATS Logistics Services Inc., DBA Sureway Transportation Company Shipper/Broker Terms and Conditions",
        "ATS Logistics Services, Inc., dba Sureway Transportation Company, is a full-service",
        (),
    ),
    # a React component (JSX) holding the seller's sales agreement; its tags split the text like a web page's
    "en-1502": (
        "camduffin/ottawa-custom-furniture",
        "05115f9b9902df046865c52785e36de2f7286857",
        "src/components/Terms.js",
        "Sales Agreement",
        ")",
        (),
    ),
    # a hydraulics firm's purchase-order terms on its website (CodeIgniter view; heldout18)
    "en-1804": (
        "jaydeep1305/babarihydraulicseals.com",
        "d0d2bb33a280cf9121298e68a4d303fb0aa0b8e1",
        "application/views/pages/terms.php",
        "General",
        None,
        (),
    ),
    # a manufacturer's conditions of sale on its website (heldout18, supplier-drafted control)
    "en-1801": (
        "mkzzn/eurotech_final",
        "8af332210e873a600968d2706c558f30d01a19ff",
        "terms.php",
        "Terms and Conditions",
        None,
        (),
    ),
    # an Indian B2B export marketplace's vendor policy: it buys the vendor's products for resale (CodeIgniter view,
    # parts C to H; the privacy and IP parts A-B dropped; heldout19)
    "en-1902": (
        "dev-bulkhouse/sellers.bulkhouse.in",
        "9a5ed5265a6cf8d7aa195342a2ce954f16a9f44d",
        "application/views/export_terms.php",
        "PART C: TERMS OF USE AND SCOPE OF THE AGREEMENT",
        "Bulkhouse Vendor verification Panel",
        (),
    ),
    # an industrial distributor's terms and conditions of sale (Milwaukee, Wisconsin) in its WordPress theme
    # (heldout19, supplier-drafted control)
    "en-1904": (
        "jaffery97/indurstriall",
        "4ff60e049b897962c0f11de3865f9b00fd0f0298",
        "wordpress/wp-content/themes/ISE/terms&conditons.php",
        "Terms and Conditions of Sale",
        None,
        (),
    ),
}

MAINET = "Rajesh2894/erp"
MAINET_COMMIT = "a970a0f723bd1b15142c538cc84e215ab7c34332"  # "Initial Commit"; the repository's newest commit keeps only a README
MAINET_REPORTS = "mainetservice/MainetServiceWeb/src/main/webapp/jsp/works_management/reports"

# id: (repo, commit, path, first line kept, first line dropped or None)
JSP_DOCS: dict[str, tuple[str, str, str, str, str | None]] = {
    "en-1501": (MAINET, MAINET_COMMIT, f"{MAINET_REPORTS}/form-A.jsp", "FORM 'A'", None),
    "en-1503": (
        MAINET,
        MAINET_COMMIT,
        f"{MAINET_REPORTS}/noticeInvitingTender.jsp",
        "DETAILED NOTICE INVITING TENDER",
        None,
    ),
    # a Laravel Blade print form (HTML with {{ }} fields) read like the JSP forms: the purchase-order terms of the
    # Armed Forces of the Philippines Procurement Service, the version naming the Naval Logistics Center (heldout18)
    "en-1802": (
        "karlimlengco/afppssuppliersportal",
        "54908f9443d4eca970de852068a914907d6910ed",
        "resources/views/forms/po-terms.blade.php",
        "Terms and Conditions",
        None,
    ),
    # a packaging and logistics company's purchase-order commercial terms, kept as the default HTML of an Odoo field
    # in its server's custom module (Python source read like the server pages; ends at the string's closing quotes;
    # heldout19)
    "en-1903": (
        "ashurohom/DW-DPL-Server",
        "00e24f1f684b2b0c4be32a47470a333749b882f6",
        "all_reports_full/models/purchase_order.py",
        "Annex-1",
        '"""',
    ),
}

AHNI = "Quadco-Consults/AHNI-New-FE"
AHNI_COMMIT = "e01a929f2fe6d8961d18503a928ca3b903089121"

# id: (repo, commit, path, first line kept, first line dropped or None); React components (JSX/TSX) holding a
# contract's text, kept as one line per paragraph, list item or heading (heldout16, heldout20)
JSX_DOCS: dict[str, tuple[str, str, str, str, str | None]] = {
    "en-1601": (
        AHNI,
        AHNI_COMMIT,
        "src/features/procurement/components/purchase-order/[id]/TermsAndConditions.tsx",
        "STANDARD PURCHASE ORDERS TERMS AND CONDITIONS",
        "Purchase Order",  # the button after the terms
    ),
    # heldout20: the purchase-order terms printed by Nirmaan (Stratos Infra Technologies, Bengaluru) on every purchase
    # order of its construction procurement app; ends before the component's closing expression ")}"
    "en-2002": (
        "Nirmaan-app/nirmaan_stack_frappe15_postgres_14",
        "451d408034685a1ce77eb04169b9d8b22d431d46",
        "frontend/src/pages/ProcurementOrders/purchase-order/components/POPdf.tsx",
        "Terms and Conditions",
        ")}",
    ),
    # heldout20 control: the terms and conditions of SIGNET (a Massachusetts installer of building systems) shown in its
    # customer portal's front end (supplier-drafted); ends before the component's closing ");"
    "en-2004": (
        "Soorajkrishn/signet-task",
        "c8a4ef7862b49cbba48cf76b7050be7f98f2fd84",
        "src/Pages/TermsandConditions/TermsandConditions.js",
        "Terms And Condition",
        ");",
    ),
}

# id: (repo, commit, path, first line kept, first line dropped or None); Laravel Blade print forms whose sentences are
# broken by <br> for the printed layout: Blade comments ({{-- --}}) dropped, <br> read as a space, then read like the
# JSP forms (heldout18)
BLADE_DOCS: dict[str, tuple[str, str, str, str, str | None]] = {
    "en-1803": (
        "toomelette/SWEP-QC-GENADMIN",
        "cadc38ae66e08e20d99b17ff726a319f624e7d93",
        "resources/views/printables/jo/jo_form_back.blade.php",
        "INSTRUCTION REGARDING DELIVERY",
        None,
    ),
}

# id: (repo, commit, path, start line, end marker or None); see blade_trans_text
BLADE_TRANS_DOCS: dict[str, tuple[str, str, str, str, str | None]] = {
    # heldout21: a Dutch B2B vehicle trader's own general terms of sale (supplier-drafted control)
    "en-2104": (
        "milchevyordan/autotrader",
        "f101f5ec79a4afb55f5c68c4330499f973c4b9e2",
        "resources/views/components/terms-conditions.blade.php",
        "General Terms and Conditions of Sale Vehicx B.V.",
        None,
    ),
}

RB = "CThomson2/rb-portfolio"
RB_COMMIT = "ef9a8da3ee699a6ee59dfd65bce0eda2d364ceb0"

# id: (repo, commit, path); a contract kept in a TypeScript array of {type, content} items (headings, paragraphs,
# bullets), one line per item's content string, in order (heldout17)
TS_ARRAY_DOCS: dict[str, tuple[str, str, str]] = {
    "en-1701": (RB, RB_COMMIT, "content/terms/index.ts"),
}


# id: (repo, commit, path, names of the JavaScript string constants kept, in order); contract text kept in JavaScript string
# constants ("..." or `...`): each constant's string with its \n and \t escapes read, HTML entities decoded, each line
# stripped and its inner runs of spaces squeezed (heldout20)
JS_STRING_DOCS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    # a work order's award letter sentence and its 30 terms, as e-mailed by an Indian infrastructure contractor (Pragati
    # Infra Solutions, Gurugram) to a road-works vendor; the commit before the last, whose edit lost characters at its
    # line breaks
    "en-2003": (
        "rajatmittalidev/PersonalPr-",
        "442ef499d73cb9eaba65ca4b6e0e0d3459adbf5f",
        "pinfra-backend/libs/constant.js",
        ("mailContent", "termsConsition"),
    ),
}


# id: (repo, commit, path, start line marker, end line marker); the fixed text of a pdfmake document definition in a
# JavaScript source: between the first line containing the start marker and the first later line containing the end
# marker, every double-quoted string that is a `text:` value or an item of an `ol: [...]` list, one line each, list items
# numbered from 1 as pdfmake prints them (heldout20)
PDFMAKE_DOCS: dict[str, tuple[str, str, str, str, str]] = {
    # the fixed terms of every work order that KDM Engineers (India) Pvt. Ltd., a geotechnical engineering and testing
    # firm (Hyderabad, Visakhapatnam), issues to its sub-contracted agencies; the per-order payment terms and conditions
    # filled in for each order come before the "Static Section" and are left out
    "en-2005": (
        "DineshKumarBathula/lims-public-backend",
        "52826426412fb37050dea9aafd4a58f96dbc3fa0",
        "controllers/WorkOrderController.js",
        "// \U0001f539 Static Section",
        "// Signature Section",
    ),
}


# id: (repo, commit, path, start heading, end marker or None, (regex, replacement) pairs); see markdown_span_text
MARKDOWN_SPAN_DOCS: dict[str, tuple[str, str, str, str, str | None, tuple[tuple[str, str], ...]]] = {
    # heldout21: a US federal agency's request for quotation, its Terms and Conditions part (public domain)
    "en-2102": (
        "18F/tts-buy-cloud-support-services",
        "4f3f3424d1d74417ed6301e3d25a352f7e486bb1",
        "solicitation_documents/RFQ.md",
        "Terms and Conditions",
        None,
        (
            (r"(?m)(?<=\(CO\): ).+$", "[name]"),
            (r"(?m)(?<=\(COR\): ).+$", "[name]"),
            (r"(?m)(?<=\(ACOR\): ).+$", "[name]"),
            (r"(?<!\d)\d{3}-\d{3}-\d{4}(?!\d)", "[phone]"),
        ),
    ),
}


# heldout22 (session 33): id: (reader, repo, commit, path, arguments); reader "pdf" takes (parts, drops, subs) as PDF_DOCS,
# "markdown_span" takes (start, end, subs) as MARKDOWN_SPAN_DOCS
SUDA_HEADER = r"Request for Proposal for Selection of Implementation Agency for design, development and Implementation of"
DOCS22: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # an Indian state agency's e-governance RFP (State Urban Development Agency, Chhattisgarh, November 2025): parts of its
    # General Terms of Condition (section 5), its Special Conditions of the Contract (section 6) and the payment schedule
    "en-2201": (
        "pdf",
        "sandeghosh/Office",
        "7c08aa0e48e0805e13609eb5a0647aeeff54ed71",
        "9017815201887945864_178847_eGovernance RFP Final Publish.pdf",
        (
            (
                ("1.3.5. Performance Security", 1, "1.3.11. Compliance with Contract Labour Act"),
                ("2.7. Force Majeure", 1, "3. Obligation of the IA"),
                ("3.4. Liability of Implementing Agency", 1, "3.7. Accuracy of Documents"),
                ("5.3. Change in Applicable Law", 1, "8. Fairness and Good Faith"),
                ("9.4. Arbitration", 1, "11. Copyright"),
                ("Section 6: Special Conditions of the Contract (SCC)", 2, "Section 7: Terms of Reference"),
                ("7.6 Payment Schedule", 2, "7.7 Exit Management"),
            ),
            (
                SUDA_HEADER,
                r"e-Governance in Urban Local Bodies in the State of Chhattisgarh",
                r"Page \d+ of 247",
            ),
            (),
        ),
    ),
    # a US federal agency's request for quotation for a multiple-award BPA (Federal Highway Administration, January 2025),
    # kept as a parser's Markdown output: the BPA terms from section 4 to before the list of FAR clauses (public domain)
    "en-2202": (
        "markdown_span",
        "eliasbrown99/Capstone",
        "de35cf7173eb273314a05fbf97a775c34dd11003",
        "parsed_output_2.md",
        (
            "4. CONTRACT TYPE",
            "35. FAR PROVISIONS",
            (
                (r"(?m)^Page \d+ of 44\n", ""),
                (r"(?m)^693JJ325Q000011\n", ""),
                (r"(?m)^Page Header\n", ""),
                (r"[\w.+-]+@[\w-]+\.[\w.]+", "[e-mail]"),
                (r"1-866-641-3500", "[phone]"),
            ),
        ),
    ),
    # a software consultancy's published model independent contractor agreement (numtide, UK law, CC0)
    "en-2203": (
        "markdown_span",
        "numtide/software-consulting-documents",
        "2be3a2218a12e9cb17a08d9ab7628f2275a048cd",
        "ICA.md",
        ("Independent Contractor Agreement", None, ()),
    ),
    # a state airport company's tender for supplying and installing UPS batteries (Maharashtra Airport Development Company,
    # Shirdi airport, 2025-26): the bidder instructions from the earnest money to the sources of funds, and from the price
    # bid to the end of the conditions (the covering-letter and price formats after them are left out)
    "en-2204": (
        "pdf",
        "prasaai2025-commits/tender-summary-agent",
        "2164bb17c914d6e70d04dec16baa4357bc8d59e2",
        "backend/uploads/tender.pdf",
        (
            (
                ("2.15 Earnest Money Deposit", 1, "3.1 Description of the Selection Process"),
                ("4.7 Price Bid", 1, "Annexure I"),
            ),
            (r"Page \d+ of 28",),
            (),
        ),
    ),
}

# heldout23: buyer-drafted service and vendor terms published as Markdown in public repositories, read like DOCS22
DOCS23: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # a large software company's standard vendor terms and conditions (GitLab Inc., procurement section of its public
    # handbook, kept in a mirror of the handbook repository; the file was removed from the mirror after this commit)
    "en-2301": (
        "markdown_span",
        "impactorbitco/handbook-main",
        "19c6a7ed25e3a9dfdec8501c34bff464b175c095",
        "content/handbook/finance/procurement/vendor-guidelines/vendor-agreement.md",
        ("STANDARD VENDOR TERMS AND CONDITIONS", None, ()),
    ),
    # a web agency's subcontractor agreement with the developers it engages for its clients (Dojo4, Boulder, Colorado),
    # published on its own site; markdown-escaped asterisks read as asterisks
    "en-2302": (
        "markdown_span",
        "dojo4/dojo4.github.io",
        "b83544a0a837bca1eeed85f431e9f880dd1fa98f",
        "subcontractor-agreement.md",
        ("Dojo4 Subcontractor Agreement", None, ((r"\\\*", "*"),)),
    ),
    # a small IT company's independent contractor agreement for its developers (Capital Technology Services, registered
    # in Tennessee as Chapin Technology Service LLC), a Jekyll post: from the recital to before the signature block, the
    # Liquid fields filled with the post's front-matter values (the signatory's name is in the front matter and in the
    # left-out signature block only)
    "en-2303": (
        "markdown_span",
        "jchapin/capitaltechnologyservices.github.io",
        "a8931fac5788308e909c16d6e919327d968ab456",
        "_posts/2016-06-15-independent-contractor-agreement.md",
        (
            "THIS AGREEMENT executed",
            "8. Approval",
            (
                (r"\{\{ page\.contract_(?:signature|effective)_date \}\}", "31st of August 2018"),
                (
                    r"\{\{ page\.company_name \}\}",
                    "Capital Technology Services (Registered in Tennessee as Chapin Technology Service LLC)",
                ),
                (r"\{\{ page\.contractor_name \}\}", "YOUR NAME"),
                (r"\{\{ page\.contractor_rate_numb \}\}", "50.00"),
                (r"\{\{ page\.contractor_rate_unit \}\}", "hour"),
                (r"\{\{ page\.governing_state \}\}", "Tennessee"),
            ),
        ),
    ),
    # a Belgian non-profit's model agreement for paying contributors who invoice (FreeCAD project association AISBL),
    # from the title to before the signature table (the chairman's name and the association's e-mail are outside it)
    "en-2304": (
        "markdown_span",
        "FreeCAD/FPA",
        "95bd28d18b539b7c9a3ff014ea21f36a687bed21",
        "documents/templates/contract.md",
        ("Agreement for the execution of such and such tasks", "For the FPA", ()),
    ),
}


# heldout24: a state agency's invitation for bids with its contract and agency clauses, a translation platform's translator
# agreement, a non-profit's open-software developer terms and an interpreting agency's interpreter agreement; read like
# DOCS22, with a "jsx" reader for a React page
DOCS24: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # a US state agency's invitation for bids for vehicle modification services (New York State Education Department,
    # ACCES-VR, IFB #25-001, 2024): the mini-bid and modification process and the vendor's duties, subcontracting to the payment
    # provision, the State of New York Agreement and Appendix A-1 (agency-specific clauses); Appendix A (the Attorney
    # General's standard clauses, printed in two columns) and the data privacy appendix are left out
    "en-2401": (
        "pdf",
        "LexZilla1/nys-procurement-vendor-engine",
        "bb4817c36075d9f62d98f2212e644426c615591a",
        "test-tenders/ifb25001vehiclemodification.pdf",
        (
            (
                ("Vehicle Modification/ Mini-Bid Process", 1, "Requirements of Education Law Section 2-d"),
                ("Subcontracting", 1, "2.) Submission"),
                ("STATE OF NEW YORK AGREEMENT", 1, "Appendix A"),
                ("APPENDIX A-1", 1, "Appendix R"),
            ),
            (r"IFB #?25-001", r"\(June 2023\)", r"Revised 5/23/22"),
            ((r"Dr\. Betty A\. Rosa(?=, Commissioner)", "[name]"),),
        ),
    ),
    # a translation platform's agreement with its freelance translators (Gengo, Inc., San Mateo, California), kept as a
    # React page in a clone of the platform's site: from the first paragraph to the end of the markup (the closing braces of the
    # component dropped)
    "en-2402": (
        "jsx",
        "hesamuhammad/linggo",
        "80c01882356f2f30d3dc0e2d472289829e0cf354",
        "src/pages/Terms/Translatoragree.js",
        ("This Agreement is made between you", None, ((r"\n\); \} \}\n$", "\n"),)),
    ),
    # a non-profit's terms for developers it pays to write open software (Blockchain Commons, Wyoming), the whole terms
    # after the front matter
    "en-2403": (
        "markdown_span",
        "BlockchainCommons/Open-Development",
        "77faaaa4414543747ccb473f4f28b4770bd63d2e",
        "open-software-developer-contract/legal-terms.md",
        ("Overview", None, ()),
    ),
    # an interpreting agency's agreement with its freelance interpreters (JHBridge Translation Services, Massachusetts),
    # kept in the agency's own staffing application; the separator lines between sections dropped
    "en-2404": (
        "markdown_span",
        "josephsamijona/reimagined-octo-goggles",
        "f2ae86582d1ca155144d50aa42961702e6416d53",
        "app/mixins/conract.md",
        ("JHBRIDGE TRANSLATION SERVICES", None, ((r"(?m)^\u2e3b\n", ""),)),
    ),
}


# heldout25: a state education agency's sample contract with its general terms and conditions, a cash-courier company's
# independent contractors agreement, a delivery broker's driver services agreement and a data-work company's
# work-for-hire agreement; readers "pdf" and "markdown_span" as DOCS22, and "docx" (steps as OTHER_DOCX_DOCS)
DOCS25: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # a US state agency's request for proposals for a school apportionment system (Washington State Office of Superintendent
    # of Public Instruction, RFP No. 2026-12, 2025): Exhibit C, the sample contract, and Exhibit D, the general terms and
    # conditions, without D's insurance clause 24 (limits and policy requirements, to keep the text under 60,000
    # characters); page footers dropped
    "en-2501": (
        "pdf",
        "ddubielRDI/safs",
        "74ef39f089c8378d1c07d1a06d4c3571133e0c93",
        "docs/original/rfp_2026-12_sasquatch_apportionment.pdf",
        (
            (
                ("EXHIBIT C: SAMPLE CONTRACT", 2, "24. Insurance"),
                ("25. Licensing and Accreditation Standards", 1, "EXHIBIT E: DATASHARE TERMS AND CONDITIONS"),
            ),
            (r"RFP No\. 2026-12 Page \d+ of 105", r"Rev\. 05/24"),
            (),
        ),
    ),
    # an Australian cash-in-transit company's agreement with the independent contractors who carry its clients' banking
    # (SecureCash, South Australia), the PDF its website offers: the whole agreement with its two annexures, the closing
    # "100% Australian Owned" line left out
    "en-2502": (
        "pdf",
        "deepaksecurecash01/securecash",
        "dc095b9efcdc05286b4ab695446abcd5fa149274",
        "public/upload/Independent Contractors Agreement.pdf",
        ((("Independent Contractors", 1, "100% Australian Owned"),), (), ()),
    ),
    # a British Columbia delivery broker's agreement with the drivers it engages for a courier's last-mile routes
    # (1381003 BC Ltd., dba Moving Mountains Logistics, Kamloops), the Word file kept in its driver-scheduling application:
    # from the title to before the signature blocks (the certificate of legal advice and Schedules A-F left out)
    "en-2503": (
        "docx",
        "jaymovingmountains/driver-scheduler",
        "8a978a1c8e8ad1ebc7e8acb2becff0a94e049dd2",
        "Driver_Subcontractor_Agreement-2.docx",
        (("cut_before", "IN WITNESS WHEREOF"),),
    ),
    # a data-work company's agreement with the people it pays for digital work (Karya, Bengaluru), the Markdown page its form
    # renderer shows: from the title to before the contact line (the company's e-mail address is on it)
    "en-2504": (
        "markdown_span",
        "karya-inc/json-form-renderer",
        "00f5e75adae3fbd8a169a899f5a9d10c2fe60196",
        "public/terms.md",
        ("Karya Work for Hire Agreement", "For any questions about this Agreement", ()),
    ),
}


# heldout26: a government-backed handicraft marketplace's seller policy and a dental locum-tenens marketplace's terms for
# the providers it lists; readers "jsx" (start, end, subs) as DOCS24 and "blade" (start, end, subs: blade_text, then the
# regexes)
DOCS26: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the seller policy of eShilpmart, the Indian handloom and handicraft marketplace ("a brain child of Digital India &
    # Ministry of textiles", its About page), kept as a React page of the site's front end: from the title to the end of
    # the markup, the component's closing "); } }" line removed
    "en-2601": (
        "jsx",
        "singhaishwarya/shilpmart",
        "ea9e9f9187d45314b9333b7f03d41c34299f23f0",
        "src/component/SellerPolicy.js",
        ("Seller Policy", None, ((r"\n\); \} \}\n$", "\n"),)),
    ),
    # the terms of service that Commonwealth Locum Tenens Connections LLC (Charlottesville, Virginia), a marketplace that
    # books dental providers for locum work at practices, shows to providers (a Blade view of its platform): from the
    # opening warning to the end of the page section, the privacy-policy part (section 6, from its heading to the page's
    # "Payment Methods" tab labels) left out
    "en-2602": (
        "blade",
        "Akhileshsahani1/LocumTenensConnection",
        "cf85864825cffca47565081bb118e8d7ff34eb52",
        "resources/views/Provider/termsCondition.blade.php",
        (
            "Please read these Terms of Service",
            "@endsection",
            ((r"(?ms)^Privacy Policy\n.*?(?=^Payment Methods\n)", ""),),
        ),
    ),
}


# heldout27: a Utah motor carrier's lease of owner-operators' trucks and drivers, and a Florida home health agency's agreement
# with the providers it sends to its clients; readers "php" (start, end, subs: jsp_text, then the regexes) and "blade" as
# DOCS26
DOCS27: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Motor Carrier - Independent Contractor/Owner-Operator Agreement that a Utah trucking group's fleet-management
    # application (FleetSmarts; United Motor Carrier Cooperative, Arrowhead Dispatch Services, Lindon, Utah) prints for its
    # member carriers to sign with the owner-operators who lease them a tractor and driver (a PHP view): from the title to the
    # end, without 2.4-2.5 (receipt and identification of the equipment under 49 C.F.R. 376.11), section 5 (insurance) and
    # sections 13-14 (fuel tax, copies of the agreement), to keep the text under 60,000 characters
    "en-2701": (
        "php",
        "derekbrimley/fleetsmarts",
        "c702937a2be2974ad9708c51f4e89b9e1e481088",
        "application/views/documents/owner_operator_agreement.php",
        (
            "Motor Carrier - Independent Contractor/Owner-Operator Agreement",
            None,
            (
                (r"(?ms)^2\.4 Receipts for Equipment\..*?(?=^3\. Costs of Operation)", ""),
                (r"(?ms)^5\.1 Auto Liability Insurance.*?(?=^6\. Cargo Loss)", ""),
                (r"(?ms)^13\. Fuel Use Tax Payments/IFTA\.\n.*?(15\. Miscellaneous\.)\n", "\\1\n"),
            ),
        ),
    ),
    # the Independent Contractor Agreement for Home Health Care Providers of Neighborhood Home Health Services, Inc. (Florida),
    # the English form of its nurses' onboarding application (a Blade view): the whole agreement, the view's form fields
    # (@include of date, name, rate, addresses, signatures) shown as placeholders and the Blade @if/@endif dropped
    "en-2702": (
        "blade",
        "Monsrenas/nhhs-Enfermeras",
        "c608a369c9ab4eafb0864774a83ab646288320b4",
        "resources/views/forms/contrato_en.blade.php",
        (
            "INDEPENDENT CONTRACTOR AGREEMENT FOR HOME HEALTH CARE PROVIDERS",
            None,
            (
                (r" ?@if \(isset\(\$px\)\)\n@endif", ""),
                (r'@include\("forms\.inputs\.fecha"\)', "[date]"),
                (r'@include\("forms\.inputs\.nombre"\)', "[name]"),
                (r'@include\("forms\.inputs\.sueldo"\)', "[rate]"),
                (r'@include\("forms\.inputs\.direcciones"\)', "[addresses]"),
                (r'@include\("forms\.inputs\.firmas"\)', "[signatures]"),
            ),
        ),
    ),
}


# heldout28: an exterior-renovation company's labor agreement with its 1099 crew and sales workers, kept as a page of the
# company's worker-paperwork dashboard (Mister Exterior LLC); reader "tsx_strings" (spans in render order). (The same
# dashboard's "Sub Contract" page holds Record Steel and Construction's subcontract terms, already the dev document en-307,
# so it is not used.)
DOCS28: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the "Labor Agreement" page: its ten sections (a commented-out one dropped), the "Important read this" list of what the
    # company does not pay, and the closing sections (insurance pooling, worker's statement of liability, payment terms), in
    # the order of the page's export
    "en-2801": (
        "tsx_strings",
        "vanaf25/dashboard",
        "4347b727df24a175f796b92801a02dfafe0a2457",
        "src/app/(DashboardLayout)/workers/[id]/ProductionPaperWork/Agreement/page.tsx",
        (
            ("pdfTitle={", "}"),
            ("const agreementSections = [", "];"),
            ("{type:ElementType.H3", "}"),
            ("const requirementP=", "return ("),
            ("const agreementSections2 = [", "];"),
        ),
    ),
}


# heldout29: the Australian Government's Digital Marketplace documents for the sellers on its digital-services panels, kept in a
# copy of the marketplace's buyer front end (the Digital Transformation Office's 2016 Deed of Standing Offer for the Digital
# Service Professionals panel, and the Digital Transformation Agency's 2019 Master Agreement and Comprehensive Terms); readers
# "pdf" as DOCS22 and "pdf_columns" (pages, drops, subs) for a two-column PDF
ARENA_DM = "ArenaNetworks/dto-digitalmarketplace-buyer-frontend"
ARENA_DM_COMMIT = "59e35f1e46fd7dedaa680d168290e8bdd0f38326"
DOCS29: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Master Agreement every seller accepts to join the Digital Marketplace (DTA, version of 1 July 2019): its terms
    # become part of every work order a buyer agency places; the whole agreement, the page numbers dropped and the
    # complaints e-mail address shown as [e-mail]
    "en-2901": (
        "pdf",
        ARENA_DM,
        ARENA_DM_COMMIT,
        "app/static/media/documents/digital-marketplace-master-agreement-2019-07-01.pdf",
        ((("Master Agreement", 1, None),), (), ()),
    ),
    # the Comprehensive Terms a buyer agency may add to a work order for complex or high-value procurements (DTA, version
    # of 1 July 2019): the whole document, the running title and the page numbers dropped
    "en-2902": (
        "pdf",
        ARENA_DM,
        ARENA_DM_COMMIT,
        "app/static/media/documents/digital-marketplace-comprehensive-terms-2019-07-01.pdf",
        (
            (("Comprehensive Terms for complex or high value procurements", 1, None),),
            (r"Comprehensive Terms for complex or high value procurements",),
            ((r"\A", "Comprehensive Terms for complex or high value procurements\n"),),
        ),
    ),
    # the Deed of Standing Offer of the Digital Service Professionals panel (DTO, 2016; the standing offer terms, part 1,
    # and the glossary, part 2), printed in two columns: each page's left and right halves read in turn, the law firm's
    # document number and the page numbers dropped, the symbol-font bullets shown as "•", the lines of each paragraph joined
    "en-2903": (
        "pdf_columns",
        ARENA_DM,
        ARENA_DM_COMMIT,
        "app/static/media/documents/DSPP_Deed_of_Standing_Offer.pdf",
        (9, (r"AGA/AGA/AUM/\d+\.\d+", r"\d{1,2}"), ((r"\uf0b7", "•"),)),
    ),
}


# heldout30: the terms that three blockchain foundations set for the people they pay to build, fund or promote for them,
# kept as Markdown pages in the foundations' own repositories: two grant programmes' terms (software delivered in paid
# milestones) and a referral programme's terms; reader "markdown_span" as DOCS22
EMAIL = (r"\[?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\]?", "[e-mail]")
DOCS30: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Grant Terms and Conditions of the Stacks Open Internet Foundation (updated October 2022), the page of its grants
    # programme's documentation that every grantee accepts: from the update line to the end, the page's table of contents
    # and blockquote marks dropped, zero-width spaces removed, the programme's e-mail address shown as [e-mail]
    "en-3001": (
        "markdown_span",
        "stacksgov/grants-program",
        "24be4560cb12f294262efb0ef2229edf5f8d09e8",
        "docs/Terms-and-Conditions.md",
        (
            ">PAGE UPDATED OCTOBER 2022",
            None,
            ((r"(?m)^- \d+\. .*\n", ""), (r"(?m)^>", ""), ("\u200b", ""), EMAIL),
        ),
    ),
    # the Algorand Foundation xGov Grants Program Terms and Conditions, the text its xGov platform shows a proposer to
    # accept: the whole document, the e-mail addresses shown as [e-mail]
    "en-3002": (
        "markdown_span",
        "algorandfoundation/xgov-beta-web",
        "6b05f833772bfc362daafacaf720cc0ffab236dd",
        "src/components/ProfileCard/TermsAndConditionsText.md",
        ("ALGORAND FOUNDATION XGOV GRANTS PROGRAM TERMS AND CONDITIONS", None, (EMAIL,)),
    ),
    # the Diode Foundation's Referral Program Terms (formerly its Ambassador Program Terms), the page of its website that a
    # participant who promotes the Diode Network for program rewards accepts: from the title to the end
    "en-3003": (
        "markdown_span",
        "diocomweb/website",
        "fbd44605a9753737c76b3ce925bc04f4693632fd",
        "docs/programs/terms.md",
        ("Diode Referral Program Terms", None, ()),
    ),
}


# heldout31: the terms two small platforms set for the people and businesses who supply through them, kept in the platforms'
# own application repositories: a tutoring platform's terms for its tutors (Stranerd, a PDF its web app offers for download)
# and a Jamaican delivery platform's agreements with its driver, delivery and shopper partners (a Blade view) and with the
# restaurants and shops that sell through it (a PDF); readers "pdf" as DOCS22 and "blade" as DOCS26
STRANERD = "Techwith11/stranerd"
STRANERD_COMMIT = "67599093e77eebae38e177a21947a1e4956bf3c8"
FIMI = "sanadsnurl/fimihub"
FIMI_COMMIT = "e70d5cb5dfd193c9ebc52f05e3e1fe7284be806e"
DOCS31: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Stranerd Tutor Terms and Conditions (2020), with the confidentiality and proprietary information agreement that
    # forms part of them: the whole document, page numbers dropped, the zero-width spaces after the run-in headings removed
    "en-3101": (
        "pdf",
        STRANERD,
        STRANERD_COMMIT,
        "public/legal/Stranerd Tutor Terms and Conditions.pdf",
        ((("Stranerd Tutor Terms and Conditions", 1, None),), (), (("\u200b", ""),)),
    ),
    # FiMi Hub's Independent Contractor Agreement with its driver, delivery and shopper partners, the page its customer site
    # shows (a Blade view): from the title to the page's footer include
    "en-3102": (
        "blade",
        FIMI,
        FIMI_COMMIT,
        "resources/views/customer/pages/partnerAgreement.blade.php",
        ("INDEPENDENT CONTRACTOR AGREEMENT", "@include('customer.include.footer')", ()),
    ),
    # FiMi Hub Delivery Services' Merchant Terms and Conditions (December 2020) for the restaurants and shops that sell
    # through its app: the whole PDF, printed double-spaced, so the blank line after every line is dropped (one line per
    # printed line, paragraphs not marked)
    "en-3103": (
        "pdf",
        FIMI,
        FIMI_COMMIT,
        "public/asset/customer/assets/document/MERCHANT AGREEMENT- FIMI HUB.pdf",
        ((("MERCHANT AGREEMENT/ CONTRACT", 1, None),), (), ((r"\n\n", "\n"),)),
    ),
}


# heldout32: a US state agency's professional-services contract as it reaches a bidder, kept in the repository where the State
# of Alaska's Department of Health and Social Services published the request for proposals for support of its eligibility
# system (RFP 210000029, 2021, CC0): the Standard Agreement Form with its appendices (a PDF attachment) and the contract
# sections of the request itself (a Markdown file), which the agreement's order of precedence makes part of the contract;
# readers "pdf" as DOCS22 and "markdown_parts"
ARIES = "akhealth/RFP-ARIES-Support"
ARIES_COMMIT = "66ab1b77f33f4a84ce58e4ec6156d88b8cd82b93"
DOCS32: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # Attachment 5, the TEMPLATE Standard Agreement Form for professional services (form 02-93) with Appendices A (General
    # Provisions), B2 (Indemnity and Insurance), C, D (Payment for Services), E (HIPAA Business Associate Agreement) and F
    # (Nondisclosure Agreement): the whole PDF, page numbers dropped, the agency's e-mail addresses shown as [e-mail]
    "en-3201": (
        "pdf",
        ARIES,
        ARIES_COMMIT,
        "Attachment 05 TEMPLATE Standard Agreement Form (with Appendices).pdf",
        ((("ATTACHMENT 5", 1, None),), (), ()),
    ),
    # the request's contract sections: Sec. 3.05 (term and renewals) and Secs. 3.07-3.18 (contract type, payment, location,
    # subcontractors, personnel, inspection, changes, confidentiality, termination), then Section 7 (general legal
    # information); each heading's second occurrence (the first is the table of contents); the deliverables table of
    # Sec. 3.06 left out; Markdown backslash escapes read
    "en-3202": (
        "markdown_parts",
        ARIES,
        ARIES_COMMIT,
        "ARIES_SUPPORT_RFP.md",
        (
            (
                ("Sec. 3.05 Contract Term and Work Schedule", 2, "Sec. 3.06 Deliverables"),
                ("Sec. 3.07 Contract Type", 2, "Section 4. PROPOSAL FORMAT AND CONTENT"),
                ("Section 7. GENERAL LEGAL INFORMATION", 2, "Section 8. Attachments"),
            ),
            ((r"\\([\\'$])", r"\1"),),
        ),
    ),
}


# heldout33: public-sector IT contract forms as they reach a supplier, from three publishers: a US federal task-order request for
# quotation for agile software development, the example the U.S. Digital Service publishes in its TechFAR Hub (usds/techfar-hub,
# public domain / CC0) for agencies to copy, with the ordering agency shown as AGENCY; the supplier agreement that Computer Aid, Inc.,
# the State of Alabama's IT managed service provider under a NASPO ValuePoint contract, has the firms of its vendor network sign for
# fixed-price statement-of-work projects (a PDF kept among the sample documents of a proposal-drafting prototype); and the Internal
# Revenue Service's request for quote for Nutanix software and maintenance (2025, a PDF kept as a sample in an e-mail parser);
# readers "docx" as DOCS25 and "pdf" as DOCS22
TECHFAR = "usds/techfar-hub"
TECHFAR_COMMIT = "6925d402560b507421cca02eb156f32081098994"
CAI_SOR = "Severin-Shea/CWS-SOR-Proto"
CAI_SOR_COMMIT = "55c57946493273f4a043ca6044bfd6d9092ddb39"
IRS_RFQ = "mzienert/email-parser"
IRS_RFQ_COMMIT = "678d4894d99a4809be87f56b95c52e0ab8e62ef0"
IRS_RFQ_HEADER = (r"Nutanix Software and Maintenance", r"Request for Quote \(RFQ\)", r"2032H5-25-Q-0016")
DOCS33: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Agile Task Order Example (a firm-fixed-price task order with an award-term incentive under the GSA Alliant Small
    # Business GWAC): the parts its note incorporates into the task order - from the note to the end of "Options" (lines 1-76 of
    # the Word text) and from "Contract Requirements" to the order of precedence (lines 143-274); the Statement of Objectives,
    # the instructions to offerors and the evaluation factors left out, as the note leaves them out of the contract
    "en-3301": (
        "docx",
        TECHFAR,
        TECHFAR_COMMIT,
        "assets/files/Agile Task Order Example.docx",
        (("ranges", ((1, 77), (143, 275))),),
    ),
    # Computer Aid, Inc.'s State of Alabama Supplier Agreement for Statement of Work Services (v.04-01-2025): from the title to
    # before Exhibit B (the Data Privacy and Security Addendum, left out to keep the text under 60,000 characters); Exhibit A (the
    # requisitioning process) kept; the running footer dropped, the e-mail addresses shown as [e-mail] by the reader, the name of
    # the lawyer in the notice block as [name]
    "en-3302": (
        "pdf",
        CAI_SOR,
        CAI_SOR_COMMIT,
        "existingSORDocs/SORdocs/CAI_ALABAMA_Supplier_Agreement_v2025.04.01-final.pdf",
        (
            (("STATE OF ALABAMA", 1, "EXHIBIT B: Data Privacy"),),
            (
                r"Computer Aid, Inc\. CAI Confidential Alabama Staff Augmentation Agreement",
                r"Page \d+ v\.04-01-2025",
            ),
            ((r"Gregg M\. Feinberg", "[name]"), (r"Feinberg Law Office", "[name] Law Office")),
        ),
    ),
    # the IRS request for quote 2032H5-25-Q-0016 (Nutanix software and maintenance, an order under NASA SEWP, May 2025), the parts
    # that become the order: Section I (overview), Section III (general and administrative information) and Section IV (clauses),
    # the offeror's representations and certifications of Section IV (52.203-2 to 52.209-11) left out; the running header and
    # page numbers dropped, the names of the contracting officer and contract specialist as [name], e-mail addresses and
    # telephone numbers as [e-mail] and [phone] by the reader
    "en-3303": (
        "pdf",
        IRS_RFQ,
        IRS_RFQ_COMMIT,
        "sample_docs/344463/Copy of rfq_344463_4547244_Nutanix_Software_and_Maintenance_Request_for_Quote.pdf",
        (
            (
                ("Section I – Overview", 1, "See Attachment 1"),
                (
                    "Section III - General and Administrative Information",
                    2,
                    "52.203-2 Certificate of Independent Price",
                ),
                ("52.217-8 Option to Extend Services", 1, "Section V - Instructions to Quoters"),
            ),
            IRS_RFQ_HEADER,
            ((r"Monique S\. Waddell|Ashley Gayle", "[name]"),),
        ),
    ),
}


# heldout34: the purchase terms that three US manufacturers or distributors hand their suppliers, each kept as a React page of a copy
# of the company's website: Würth Louis and Company's terms for its purchases of products from suppliers (a Würth Group distributor
# of woodworking and cabinet hardware, Brea, California; a page of its web shop's front end), the suppliers' terms and conditions of
# S & M Group, Inc. dba Flextron Circuit Assembly (an electronics contract manufacturer, Wood Dale, Illinois), and the
# purchase-order terms (quality requirements, form F840-04 R6) of Glyne Manufacturing (an aerospace machine shop, Stratford,
# Connecticut); reader
# "jsx" (start, end, subs) as DOCS24
DOCS34: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # Würth Louis and Company's Terms & Conditions for its Purchase of Products: from the title to the end of the markup, the
    # component's closing "); }; export default ..." line removed
    "en-3401": (
        "jsx",
        "nimeshavillvay/Mobile-App-expo-Integration",
        "d1240326b3af900520fdfe79c06d58fa6662f0be",
        "apps/lac-web/app/(site)/(old-design)/Terms-and-Conditions-for-WLACs-Purchase-of-Products-from-Suppliers/page.tsx",
        (
            "Terms & Conditions for Würth Louis",
            None,
            ((r"\n\); \}; export default TermsAndConditionsPage;\n$", "\n"),),
        ),
    ),
    # Flextron Circuit Assembly's Terms & Conditions for Suppliers (sections 1-31 with the quality requirements of section 15):
    # from the heading to before the Terms & Conditions for Customers (FCA's terms of sale, left out)
    "en-3402": (
        "jsx",
        "prettifyKeshav/FlexTron",
        "3fc1234d598283aff4d8de19a007ac412a95088c",
        "components/pages/TermsConditionsPage/index.jsx",
        ("Terms & Conditions for Suppliers", "Terms & Conditions for Customers", ()),
    ),
    # Glyne Manufacturing's Terms & Conditions (form F840-04 R6, the 21 numbered requirements its purchase orders to outside
    # processors and material distributors carry): from the title to the end of the markup, the closing ") }" removed
    "en-3403": (
        "jsx",
        "JackFClarke/glyne-mfg",
        "37517a134e2b1c82a9ea8b467e7d9d058a9f5978",
        "app/terms/page.tsx",
        ("Glyne Terms & Conditions", None, ((r"\n\) \}\n$", "\n"),)),
    ),
}


# heldout35: construction and facility-services terms as a building manager or a food-service buyer hands them to its contractors,
# from two publishers: the terms for contractors on the managed sites of Residential Management Group Ltd (RMG, a UK managing
# agent of residential blocks, Hoddesdon), which its purchase orders to maintenance, lift, M&E and soft-services contractors
# carry (a PHP template of its supplier portal), and the Terms and Conditions of Service Agreement for Catering Providers of
# Cater2.me (a San Francisco office-catering service, 2012; a PHP page of its website); readers "php_fields" and "php" (as DOCS27)
RMG_SUPPLIERS = "tyadluri/RMGSuppliers"
RMG_SUPPLIERS_COMMIT = "b11a33dde56f359eebc9fc892a3c00a782e32c67"
# the values the portal's controller (client_terms_conditions.php, same repository) sets for the RMG brand
RMG_FIELDS = (
    ("brand", "RMG"),
    ("name", "Residential Management Group Ltd"),
    ("management_company", "Management Company"),
    ("domain", "rmguk.com"),
    ("office", "Hoddesdon"),
    (
        "invoice_address",
        "as Name of Management Company or Freeholder C/o Residential Management Group,RMG House, Essex Road, Hoddesdon, "
        "Hertfordshire, EN11 0DR",
    ),
)
DOCS35: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # RMG's terms for contractors (CDM 2015, waste, client brief, working at height, GDPR clause, Data Protection Act, Bribery
    # Act, gas and electrical, lift, M&E and soft-services contracts with the Terms of Appointment): from the first paragraph
    # (the page-title field before it left out) to before "Important Documents" (the download links); the fields filled for
    # the RMG brand, the PHP condition around "subject to funding of the Management Company" dropped (the text shows for every
    # brand but the Scottish one); e-mail addresses as [e-mail] (the stray '">' of the broken mailto links removed), the
    # customer-service telephone number as [phone]
    "en-3501": (
        "php_fields",
        RMG_SUPPLIERS,
        RMG_SUPPLIERS_COMMIT,
        "includes/sco_terms_conditions.tpl",
        (
            "Many accidents that may occur",
            "Important Documents",
            RMG_FIELDS,
            (EMAIL, (r'">(?=\[e-mail\])', ""), (r"\b0\d{3} \d{3} \d{4}\b", "[phone]")),
        ),
    ),
    # Cater2.me's Terms and Conditions of Service Agreement for Catering Providers (version of May 15, 2012; San Francisco
    # arbitration - termsNY.php, the New York page, differs only in the seat): the whole page with its plain-language column
    "en-3502": (
        "php",
        "kkeppel/ops_application",
        "cdf796c1234f38c4226aefaf790c111e6283c6eb",
        "terms.php",
        ("Terms and Conditions of Service Agreement for Catering Providers", None, ()),
    ),
}


# heldout36: purchasing and services terms of non-US buyers, from two publishers: the master supply agreement CNH Industrial
# Italia SpA (agricultural and construction equipment, Turin) signed in 2025 with an Indian component supplier, kept as the
# Markdown transcription a contract-review tool made of the signed PDF; and the general terms of the service agreement RedCarpet
# Tech Private Limited (an Indian consumer-credit platform, Gurgaon) has its customer-sourcing agents sign, a page of its website
CNH_MSA = "prasiyer/contract-assessor-public"
CNH_MSA_COMMIT = "a23453f9e3fe1c752ab5ab5d5ba121eac85758dc"
DOCS36: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Master Supply Agreement's preamble and Sections 2-18 and 20-24.12 (Section 1, Definitions, and Section 19,
    # Confidential Information, left out to stay under 60,000 characters; the list of exhibits, the signature page and the
    # exhibits after 24.12 left out); page markers, "Page N of 55" lines and the initials lines dropped; the names of the two
    # contacts in the notice block shown as [name], the e-mail address as [e-mail]
    "en-3601": (
        "markdown_parts",
        CNH_MSA,
        CNH_MSA_COMMIT,
        "Output/contract_text_WIP.md",
        (
            (
                ("MASTER SUPPLY AGREEMENT", 1, "1. DEFINITIONS"),
                ("2. SCOPE", 1, "19. CONFIDENTIAL INFORMATION"),
                ("20. SUB-CONTRACTORS", 1, "24.13 List of Exhibits"),
            ),
            (
                (r"(?m)^(Page \d+ of 55|Supplier.s Initials.*|CNHI.s Initials.*)\s*$\n?", ""),
                (r"Attn: [A-Z][a-z]+ [A-Z][a-z]+ \([\w.]+@[\w.]+\)", "Attn: [name] ([e-mail])"),
                (r"Attn: [A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+", "Attn: [name]"),
            ),
        ),
    ),
    # RedCarpet's agent Service Agreement: the Service Agreement Summary (blank fields) and the General Terms and Conditions
    # with the Marketing Guidelines and the Operating Terms and Conditions, to the end; Markdown backslash escapes read
    "en-3602": (
        "markdown_span",
        "RedCarpetUp/redux-site.github.io",
        "039ab7ed0951bc8c65f6602b4001695c97c1f4b9",
        "landing/src/common/data/dmi_agent_service_agreement_summary/dmi-agent-service-agreement-summary.md",
        ("SERVICE AGREEMENT SUMMARY", None, ((r"\\([.*])", r"\1"),)),
    ),
}


# heldout37: public bodies' contract forms outside the US federal government, from two publishers: the Contract for Acquisition of
# Research Services (CARS-03) with its General Conditions that India's Defence Research and Development Organisation places with
# academic institutions, printed by a DRDO project-management application (a Java Server Page); and the Personal Services
# Agreement of the Glendale Unified School District (California), rebuilt as a React print form in the district's contract-request
# application
JSX_INPUT = (r"set\w+\(e\.[\w.]+\)\}[^>\n]*>", "")  # what is left of an input widget's handler after jsx_text
DOCS37: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # CARS-03: the face page (contract particulars, expenditure heads, schedule of payments, signatures, all fields empty "-") and
    # the General Conditions of CARS, to the end; the page is ISO-8859-1, so its non-breaking spaces read as U+FFFD and are removed
    "en-3701": (
        "php",
        "vedantvedts/pms",
        "3c36e268e754e19b7b3a9bb080a5812b51dc1a89",
        "src/main/webapp/view/cars/CARSFinalFormWordDownload.jsp",
        (
            "CONTRACT FOR ACQISITION OF RESEARCH SERVICES (CARS)",
            None,
            ((r"\ufffd(?=\.)", ""), (r" ?\ufffd ?", " ")),
        ),
    ),
    # the Personal Services Agreement (revised 12/14/2022) with the General Terms and Conditions, the Supplemental Agreement, the
    # Hold Harmless and Indemnification Agreement, the Retirement Status Statement and the Executive Order N-6-22 certification,
    # from the district's name to the end (the closing "Print" button and the component's last line dropped); the input widgets'
    # handler text removed, lines stripped, runs of spaces and empty lines squeezed; the district's telephone number as [phone]
    "en-3702": (
        "jsx",
        "farhankhan-coder/hexatetics",
        "b2bc116eaba47fa32926459b8a34d397952d3951",
        "src/components/reportpdftemplate/PdfForm.js",
        (
            "GLENDALE UNIFIED SCHOOL DISTRICT",
            None,
            (
                JSX_INPUT,
                (r"\(818\) 241-3111", "[phone]"),
                (r"\nPrint\n\) \} export default PdfForm\s*$", ""),
                (r"(?m)^ +| +$", ""),
                (r" {2,}", " "),
                (r"\n{2,}", "\n"),
            ),
        ),
    ),
}


# heldout38: contractor agreements a private client imposes on the people it pays for software work, from two publishers: the
# Internship Terms of Participation that Software Freedom Conservancy, Inc. (New York non-profit, home of the Outreachy programme)
# has every Outreachy intern accept - the intern works on an open-source project as an independent contractor for a stipend paid
# in two instalments on the organisers' confirmation of good standing; and the Gosh!TV Contractor Agreement, the sprint terms a
# small California media company had freelance developers paste into their bids (2016, revised 2017)
DOCS38: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Internship Terms of Participation as last edited on 20 March 2026 (the December 2025 to March 2026 round), the whole
    # file; the organisers' e-mail address as [e-mail]
    "en-3801": (
        "markdown_span",
        "outreachy/website",
        "48bb2fd133c3c02aea6b2af7ab670dcaf4728313",
        "docs/intern-agreement.md",
        ("OUTREACHY INTERNSHIP PROGRAM", None, (EMAIL,)),
    ),
    # the Gosh!TV Contractor Agreement (2016/12/18, rev. 2017/2/4): bid instructions, the 15 sprint terms and the note on
    # writing docs, the whole file (the blanks the contractor fills in kept as printed)
    "en-3802": (
        "markdown_span",
        "gpantera/Gosh",
        "ae3d032c562384c4c3dc82f624c25932e65d02cd",
        "GoshContractorAgreement.md",
        ("Gosh!TV Contractor Agreement", None, ()),
    ),
}


# heldout39: terms a buyer of transport and performance services imposes on the individuals who deliver them, from three publishers
# outside the US: the Agreement for Delivery Rider/Driver of Express Fast Delivery Service (Dubai), printed for each rider by the
# company's rider-management application (a Blade view); the General Terms and Conditions for Riders (Dispatch Service Providers)
# of Starrik Technology Company Limited (Uyo, Nigeria; in force 1 May 2024), the PDF on the company's website; and the terms and
# conditions between The Talent Club (Mumbai) and the artists it books for live performances, a page of its website (a JSP)
# a field of the rider's record or of a rate row
RIDER_FIELD = (r"\{\{@\$(?:rider|item->item)->(\w+)\}\}", r"[\1]")
DOCS39: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the Agreement for Delivery Rider/Driver ("Master Sheet" print view): from the title to the end (the signature lines); the
    # rider's particulars and the rate table's rows are fields filled from the company's database, shown as [name], [rider_id],
    # [project], [item], [price] and so on; the date field as [date]; the Blade @foreach/@endforeach lines around the rate rows dropped
    "en-3901": (
        "blade",
        "Erpbk/erpbk",
        "68bccfa409f4e687cbe84f84c9c7e8c71c1811a6",
        "resources/views/riders/contract.blade.php",
        (
            "AGREEMENT FOR DELIVERY RIDER/DRIVER",
            None,
            (
                (r"\{\{date\('d-M-Y'\)\}\}", "[date]"),
                (r"\{\{@\$rider->project->name\}\}", "[project]"),
                (r"\{\{@\$item->item->name\}\}", "[item]"),
                RIDER_FIELD,
                (r"(?m)^@(?:foreach\(.*\)|endforeach)\n", ""),
            ),
        ),
    ),
    # Starrik's General Terms and Conditions for Riders (Dispatch Service Providers), in force 1 May 2024: the whole PDF (14
    # pages, no running header or page numbers); no personal data in the text
    "en-3902": (
        "pdf",
        "JayBeeLearn/starrik-clone",
        "1e872718aedf0095e36966709b0925969185cced",
        "public/STARRIK RIDER TERMS_054334.pdf",
        ((("STARRIK GENERAL TERMS AND CONDITIONS FOR RIDERS", 1, None),), (), ()),
    ),
    # The Talent Club's terms and conditions with the Artist: the whole page from its heading to the end (the menu and footer
    # includes dropped by the reader)
    "en-3903": (
        "php",
        "nitishksahu/Indiependant",
        "f85f6391609b62801e60231799b69da6703908c1",
        "WEB-INF/views/termsAndConditions.jsp",
        ("Terms and conditions between The Talent Club and the Artist", None, ()),
    ),
}


# heldout41: the contract chapter of a bid-document template of Andhra Pradesh Technology Services Limited (APTS, a Government of
# Andhra Pradesh undertaking, Vijayawada), the state's IT procurement agency, rendered as a PDF by the @react-pdf/renderer
# components of an e-procurement marketplace application: the cover (issuer), Section F - General Conditions of Proposed
# Contract (GCC) and Section G - Special Conditions of Proposed Contract (SCC)
DOCS41: dict[
    str,
    tuple[str, str, str, tuple[tuple[str, tuple[tuple[str, str], ...]], ...], tuple[tuple[str, str], ...]],
] = {
    # the cover from its title to before "Disclaimer" (the bid-stage disclaimer left out); the GCC, F.1 to F.40, from the data
    # array of Section F (its rendered title, "Section E - Instructions to Bidders", is a copy error of the template and is
    # left out); the SCC: its title and G.1 heading, the payment-terms table, the notes, G.2 to G.5; the agency's office
    # telephone number and e-mail address as [phone] and [e-mail]; a note number or a list label ("B)") joined to the text
    # after it, and the two cells of each row of the G.5 penalty table joined by " | "
    "en-4101": (
        "react_pdf",
        "RANISETTI/ANISETTIRK",
        "be42850c04583490cb9940502ca9596fe1ba84e2",
        (
            (
                "components/procurements/pdf/FirstPage.js",
                (("<Text style={[margin([20, 0])", "Disclaimer</Text>"),),
            ),
            ("components/procurements/pdf/sectionF/SectionF.js", (("const data = [", "const dataMapped"),)),
            (
                "components/procurements/pdf/SectionG.js",
                (
                    ("  return (", "data.map((item)"),
                    ("const data = [", "const GSectionData"),
                    ("data.map((item)", "{dataMapped}"),
                    ("const GSectionData = [", "const dataMapped"),
                ),
            ),
        ),
        (
            (r"Ph\.0866-2468102", "Ph.[phone]"),
            EMAIL,
            (r"(?m)^(\d+\.|[A-Z]\))\n", r"\1 "),
            (r"(?m)^(Item|All Items)\n", r"\1 | "),
        ),
    ),
}


# heldout43: a language-services company's (LSC's) terms for the freelance translators and linguists it engages, kept as reference
# PDFs of a localization course (LocEssentials, "Loc101 Introduction to Localization", licence CC BY 4.0): the purchase order an
# LSC sends with each job and its invoicing and PO terms, and the American Translators Association's model independent contractor
# agreement that the course says ATA gave its members from the nineties to about 2022, with the course's few additions
LOC_ESSENTIALS = "locessentials/eng401-business-english-us"
LOC_ESSENTIALS_COMMIT = "a0cd7291e626bff3d7edb6629a73e080cba80cd9"
LOC_FOOTER = r"Loc101 Introduction to Localization a LocEssentials seminar by Alaina Brandt"
DOCS43: dict[str, tuple[str, str, str, object, tuple[object, ...]]] = {
    # the purchase order: its three starred notes (from "*Please refer" to before "Thank you!") and the whole "INVOICING & PO
    # TERMS AND CONDITIONS" to the end; the form's fields above the notes are the course's fill-in hints ("Put the PO number
    # here") and are left out; the course's running footer dropped; no personal data
    "en-4301": (
        "pdf",
        LOC_ESSENTIALS,
        LOC_ESSENTIALS_COMMIT,
        "unit2/week4/references/PO-Example.pdf",
        (
            (
                ("*Please refer to our invoicing terms", 1, "Thank you!"),
                ("INVOICING & PO TERMS AND CONDITIONS", 1, None),
            ),
            (LOC_FOOTER,),
            (),
        ),
    ),
    # the independent contractor agreement: the left 430 points of each page (the review comments in the right margin left
    # out), from the title to the end (the signature block and the course's acknowledgement of the ATA model kept); the
    # course's running footer dropped; the notification and signature blocks are blank fields, no personal data
    "en-4302": (
        "pdf_crop",
        LOC_ESSENTIALS,
        LOC_ESSENTIALS_COMMIT,
        "unit2/week4/references/ATA-ICA-Example.pdf",
        (430, (("Independent Contractor Agreement", 1, None),), (LOC_FOOTER,), ()),
    ),
    # the University of Oxford Department for Continuing Education's letter engaging a guest speaker (an independent
    # contractor paid per lecture), as its student-records system ("Redpot") prints it for signature: the template with its
    # included paragraphs (disclosure and barring, expenses, the annex of statutes and codes), from the department's
    # letterhead to the end; the letter's fields (addressee, fee, dates, venue, signatory) shown as [field]; the unsigned
    # form of the signature block kept; no personal data (the addressee and the signatory are fields)
    "en-4303": (
        "django",
        "timnyborg/redpot-unchained",
        "59a189bd91aa4e16edd436a57d383146d21f7d3a",
        (
            "apps/contract/templates/",
            "contract/pdfs/guest_speaker_letter.html",
            (
                "contract/pdfs/include/watermark.html",
                "contract/pdfs/include/top_matter.html",
                "contract/pdfs/include/disclosure_and_barring_services.html",
                "contract/pdfs/include/expenses.html",
                "contract/pdfs/include/statutes.html",
            ),
        ),
        (
            "DEPARTMENT FOR CONTINUING EDUCATION",
            None,
            ((r"(?s)\{% if is_signed %\}.*?\{% else %\}(.*?)\{% endif %\}", r"\1"),),
        ),
    ),
}

# heldout45: the goods-procurement forms of the Polytechnic University of the Philippines (PUP, Manila, a state university)
# as its financial management information system (PUPFMIS, an ASP.NET MVC application) prints them with MigraDoc: the
# Request for Quotation with its twenty Terms and Conditions (revision of 16 February 2021, form PUP-REFQ-6-PRMO-005), the
# Contract Agreement Form for goods and the Purchase Order (Appendix 61) with its delay penalty
DOCS45: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # ContractSingleBDL.cs (the single-contract procurement forms): GenerateRequestForQuotation from its start to before the
    # quotation form's "Solicitation No." (the header lines and the supplier's price form left out), the whole
    # GenerateContractAgreementFormGoods, and GeneratePurchaseOrder from "Appendix 61" to before the item table's headings and
    # from the penalty note to before "Conforme:"; the BAC chairman's name, the office's telephone number and its e-mail
    # address as [name], [phone] and [e-mail]; the fields filled from the database shown as [field]
    "en-4501": (
        "migradoc",
        "Adidoy/FM-Portal",
        "b80be43b057e33cd2fe7d9ce9d1d62a19fa07655",
        "PUPFMIS/Areas/Procurement/BusinessAndDataLogic/ContractSingleBDL.cs",
        (
            (
                ("public MemoryStream GenerateRequestForQuotation", '"Solicitation No."'),
                (
                    "public MemoryStream GenerateContractAgreementFormGoods",
                    "public MemoryStream GeneratePurchaseOrder",
                ),
                ('rows.Add(new ContentCell("Appendix 61"', '"Stock/'),
                (r'rows.Add(new ContentCell("\n\tIn case of failure', '"Conforme:"'),
            ),
            (
                (r"DR\. EMANUEL C\. DE GUZMAN", "[name]"),
                (r"\(02\) 8713-1504", "[phone]"),
                EMAIL,
            ),
        ),
    ),
}

# heldout47: the Transportation Agreement (Road Carriage Agreement) of Calvary Investment Co. Ltd (Dar es Salaam, Tanzania), a
# road haulier of transit containers from Dar es Salaam port to Zambia, Rwanda, Burundi, Malawi and the DRC, as the Word
# template of its logistics ERP ("Calvary Connect"; the server fills the template's fields with docxtemplater)
DOCS47: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # the whole Word file: the agreement (clauses 1 to 28), the signature table and Annexure A (the rate sheet and its notes);
    # the three client fields ({{CLIENT_COMPANY_NAME}}, {{CLIENT_ADDRESS_LINE1}}, {{CLIENT_CITY}}, blanked by
    # fetched_text.clean) shown as [field]; the signature blocks are blank lines, no personal data
    "en-4701": (
        "docx",
        "stratonflorentin-dot/Calvary-connect",
        "939785d671c7cecfced9c85f90d371f70881604d",
        "templates/Calvary_Transport_Contract_Template.docx",
        (("sub", ("\uff3f\uff3f", "[field]")),),
    ),
}


# heldout49: the United States Tax Court's Request for Quote #18-0018 (August 2018) for agile software development services for its
# new Electronic Filing - Case Management System (EF-CMS), a time-and-materials task order under GSA Schedule 70, SIN 132-51, as
# the Court posted it in its own GitHub repository; the Statement of Work (description of work, requirements, deliverables and
# performance standards, user stories, order type and ceiling price, period of performance with the Court's options, special
# requirements: travel, key personnel, team approval, teaming, data rights, invoices, publicity)
DOCS49: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # 02_SOW.md at the newest commit (the RFQ amendment of 20 August 2018 already written into it): the whole file from its title
    # lines; the cover and contents (01_RFQ.md), the evaluation criteria, the appendices describing the Court and its workflows and
    # the pricing workbook are left out. The Clerk's e-mail address as [e-mail]; no names of people in the text
    "en-4901": (
        "markdown_span",
        "ustaxcourt/case-management-rfq",
        "5074344712ae47c9c16138ff18d3b066f4399610",
        "02_SOW.md",
        (
            "REQUEST FOR QUOTE",
            None,
            (
                EMAIL,
                (r"\\([$()_])", r"\1"),
                (r"(?<![*\w])\*([^*\n]+?)\*(?![*\w])", r"\1"),
                (r"(?<=clean code base)(?=Version-controlled)", " "),
            ),
        ),
    ),
}


# heldout51: Linn Products Ltd's purchase order (Eaglesham, Glasgow; a hi-fi manufacturer) with its Conditions of Purchase, as the
# Razor view of its purchasing application prints it; CPS Energy's (the City of San Antonio's electric and gas utility)
# purchase-order Terms & Conditions (11-2023), the blank Word form; and VIA Metropolitan Transit's (San Antonio) request for
# proposal 26-325 for temporary staffing and recruitment services (January 2026) - the last two kept by a bidder in its own
# bid-management repository
NEXUS = "DEEDAVISINC/NEXUS"
NEXUS_COMMIT = "98c498e1e491b1072d4ebd520c99df8babfbc884"
DOCS51: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # PurchaseOrder.cshtml at the newest commit: the supplier copy's heading (company address, telephone number as [phone],
    # registered office), the terms note printed on the order's face (the liquidated-damages rate a field, [DamagesPercent])
    # and the two columns of the Conditions of Purchase (1 to 12, 13 to 27); the order's fields, item and delivery tables,
    # styles and Razor code left out. No names of people in the kept text
    "en-5101": (
        "razor",
        "linn/purchasing",
        "ee5d40c56c978acf33a3a352d4daf0f8330ef197",
        "src/Service.Host/views/PurchaseOrder.cshtml",
        (
            (
                ('<div class="item2">', '<div class="orderno">'),
                ("Deliveries marked '#'", "</pre>"),
                ('<span class="conditions-of-purch">', "</pre>"),
                ("13. OWNERSHIP", "</pre>"),
            ),
            ((r"Telephone \(0\)141 307 7777\.", "Telephone [phone]."),),
        ),
    ),
    # the whole blank form (CPS Energy Legal Services, 15 November 2023) from "TERMS & CONDITIONS" to the empty signature
    # table; the e-mail addresses (blanked as 【邮箱】 by fetched_text.clean) as [e-mail], the service desk's telephone
    # number as [phone], and the "Change Authorization Order" paragraph that the form splits in two joined
    "en-5102": (
        "docx",
        NEXUS,
        NEXUS_COMMIT,
        "photos_and_videos/Terms Conditions 11 2023.docx",
        (
            ("sub", ("【邮箱】", "[e-mail]")),
            ("sub", (r"\(210-353-2020\)", "([phone])")),
            ("sub", (r"sign a Change\nAuthorization Order", "sign a Change Authorization Order")),
        ),
    ),
    # Part 2 (Scope of Work, Terms and Conditions) and Part 3 (General Terms) of the RFP, and Part 6 (Billing and Payment);
    # the invitation and instructions (Part 1), the solicitation policy (Part 4), the insurance requirements (Part 5), the
    # reserved federal and SBE parts, the forms and the price proposal left out. Running headers and footers dropped;
    # telephone numbers and e-mail addresses become [phone] and [e-mail] by the PDF reader's own rule
    "en-5103": (
        "pdf",
        NEXUS,
        NEXUS_COMMIT,
        "photos_and_videos/RFP_26-325_Temporary_Staffing_and_Recruitment_Services_20260114124146_8148.pdf",
        (
            (("PART 2", 1, "PART 4"), ("PART 6", 1, "PART 7")),
            (r"TEMPORARY STAFFING AND RECRUITMENT SERVICES", r"VIA RFP No\. 26-325", r"PART \d+ PAGE \d+"),
            (),
        ),
    ),
}


# heldout52: V Cutamora Construction Inc. (Pasig City, Metro Manila; a Philippine general contractor) - the terms printed on
# the face of its purchase orders and its General Terms and Conditions for the Purchase of Goods and Services
# (VCCI-Procurement-GTC-01, January 2024), as the print view of ConstructLink, the asset, inventory and procurement
# application its developer (Ranoa Digital Solutions) built for the company, renders them
CONSTRUCTLINK = "xkeithvincentx/ConstructLink"
CONSTRUCTLINK_COMMIT = "4c3e5ee93206e8e7b32ea896daa25a527f021ed4"
DOCS52: dict[str, tuple[str, str, str, str, tuple[object, ...]]] = {
    # print-preview.php at the newest commit (the file unchanged since the first commit, 65ae335): the "Terms and
    # Conditions" block of the order's face (items 1-9; the delivery method, delivery location, VAT and withholding-tax
    # rates, company name and TIN are fields) and the General Terms and Conditions page with its form number; the print
    # controls, order header, vendor and item tables, totals, the signature block with the approving director's name, the
    # office addresses and telephone numbers of the footer, styles, scripts and the quotation pages left out. The company
    # name field on the face shown as [company name]; no names of people in the kept text
    "en-5201": (
        "php_echo",
        CONSTRUCTLINK,
        CONSTRUCTLINK_COMMIT,
        "views/procurement-orders/print-preview.php",
        (
            (
                (
                    '<h6 style="font-weight: bold; margin-bottom: 10px;">Terms and Conditions:</h6>',
                    "<!-- Signature Section -->",
                ),
                (
                    "<!-- General Terms and Conditions (always appears after Purchase Order) -->",
                    "<!-- Quotation File Integration",
                ),
            ),
            ((r"\[name\] \(Pasig City", "[company name] (Pasig City"),),
        ),
    ),
}


#: CUAD v1's development file, kept beside the repository (../shared/bench/cuad/cuad_dev.jsonl); heldout54 reads its odd lines
CUAD_DEV = Path(__file__).resolve().parents[4] / "shared" / "bench" / "cuad" / "cuad_dev.jsonl"
#: heldout54: id -> (CUAD contract_id, 0-based line in cuad_dev.jsonl, sha256 of the record's text, whole lines dropped
#: (regexes), (regex, replacement) pairs); the texts are kept whole (the redactions of the SEC filings, [*] / [***] / ****,
#: and the filings' confidentiality legends stay as filed)
CUAD54: dict[str, tuple[str, int, str, tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    # Sonos, Inc. and Inventec Appliances Corporation (IAC): Manufacturing Agreement of 4 September 2014 with its exhibits
    # (A-I, most redacted) and three amendments (2014, 2015, 2017); the signatories' names shown as [NAME]
    "en-5401": (
        "Sonos, Inc. - Manufacturing Agreement ",
        353,
        "3d9aff615a747ad43e65e81bd0786d96efcff7bcfde886f5e1363c068bf899c5",
        (),
        ((r"Craig (?:A\. )?Shelburne", "[NAME]"), (r"Joyce Chang", "[NAME]")),
    ),
    # MediWound Ltd. and Challenge Bioproducts Corporation Ltd. (CBC, Taiwan): Supply Agreement of 11 January 2001 as amended
    # on 28 February 2010, with its exhibits (specifications and price list, redacted); the signatories and the two individual
    # licensors named in the recitals and definitions shown as [NAME], the companies' telephone and fax numbers as [PHONE]
    "en-5402": (
        "MEDIWOUNDLTD_01_15_2014-EX-10.6-SUPPLY AGREEMENT",
        201,
        "f4aa702f1099605458b396fcb0faf9a85924bb550e59de31b8b1341a255439f7",
        (),
        (
            (r"Gal Cohen", "[NAME]"),
            (r"Ching-Kuan Lin", "[NAME]"),
            (r"Mr\. Mark C\. Klein|Mark Klein|Klein", "[NAME]"),
            (r"Professor Lior Rosenberg", "[NAME]"),
            (r"\+972 8 932 401[01]|972-8-9324010|\+55-5572-045", "[PHONE]"),
        ),
    ),
    # Premier Nutrition Company, LLC (BellRing Brands) and Fonterra (USA) Inc.: Master Supply Agreement of 31 October 2019;
    # the page-number lines dropped, the buyer's signatory shown as [NAME]
    "en-5403": (
        "BELLRINGBRANDS,INC_02_07_2020-EX-10.18-MASTER SUPPLY AGREEMENT",
        387,
        "4db35cae428d32e800d78491fbda9306df3b93ae8bb5c4c48a899e4943eb21d8",
        (r"(?:Page )?\d{1,2}",),
        ((r"Paul Rode", "[NAME]"),),
    ),
    # ElectraMeccanica Vehicles Corp. (EMV) and Chongqing Zongshen Automobile Industry Co., Ltd.: Manufacturing Agreement of
    # February 2017 with Exhibit A (capacity forecast) and Exhibit B (development timetable); the signatories shown as [NAME],
    # the blank telephone fields of the order address as [PHONE]
    "en-5404": (
        "ELECTRAMECCANICA VEHICLES CORP. - Manufacturing Agreement",
        351,
        "edaae9dbe93477b73c5bf8edbe2fe2f7775af5198cad21d7c9ed5b971b561f4a",
        (),
        ((r"Jerry Kroll", "[NAME]"), (r"Liu Gang|LIU GANG", "[NAME]"), (r"\+86 ●", "[PHONE]")),
    ),
}

#: heldout56: the same form as CUAD54 (odd lines of cuad_dev.jsonl only); the texts are kept whole, exhibits included (the
#: redactions [ * * * ] / [***] and the filings' legends stay as filed); only page numbers and running footers are dropped
CUAD56: dict[str, tuple[str, int, str, tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    # Clickstream Corporation (client) and InfinixSoft Global LLC (developer): Application Development Agreement of 20 March
    # 2020 with Exhibit A (the developer's proposal: purpose, specifications, schedule, milestones, payment schedule); the page
    # lines ("N │ Page", the last one at the end of the signature line) and the filing's running footer dropped, the
    # signatories and notice contacts shown as [NAME]
    "en-5601": (
        "ClickstreamCorp_20200330_1-A_EX1A-6 MAT CTRCT_12089935_EX1A-6 MAT CTRCT_Development Agreement",
        87,
        "60e84c78b61cf379963d4ae8b7749ebd9c33dd7833b961fdd2c6cb9b2d0a07ed",
        (r"\d+ │ Page", r"Source: CLICKSTREAM CORP, 1-A, 3/30/2020"),
        (
            (r"Frank Magliochetti", "[NAME]"),
            (r"Ivan (?:Alejandro )?Saroka", "[NAME]"),
            (r"(?m) 11 │ Page$", ""),
        ),
    ),
    # Driven Deliveries, Inc. (company) and TruckThat LLC (consultant): Consulting Agreement of 1 May 2019; the running footer
    # ("TruckThat LLC Consulting Agreement Page N of 7", the last one at the end of the signature line) dropped, the
    # signatories shown as [NAME], the consultant's tax number as [ACCOUNT] and its notice address (the home address of a
    # one-person company) as [ADDRESS]
    "en-5602": (
        "DRIVENDELIVERIES,INC_05_22_2020-EX-10.4-CONSULTING AGREEMENT",
        133,
        "bae9c2a33cdb12e3ceed1036720847072bae4b80203c841a688b1ec5044a9ea9",
        (r"TruckThat LLC Consulting Agreement Page \d of 7",),
        (
            (r"Brian Hayek|BRIAN HAYEK", "[NAME]"),
            (r"Christian L\. Schenk|CHRISTIAN L\. SCHENK", "[NAME]"),
            (r"81-4992583", "[ACCOUNT]"),
            (r"1300 Oakside Circle Chanhassen, MN 55317", "[ADDRESS]"),
            (r"(?m) TruckThat LLC Consulting Agreement Page 7 of 7$", ""),
        ),
    ),
    # TELCOSTAR PTE, LTD. and Ability Computer & Software Industries Ltd (recipient) and a provider whose name is redacted:
    # Services Agreement of 1 October 2019 (amending and restating a production contract; Exhibit A redacted); the page
    # numbers dropped, the notice contacts shown as [NAME], their e-mail addresses as [EMAIL] and telephone and fax as [PHONE]
    "en-5603": (
        "ABILITYINC_06_15_2020-EX-4.25-SERVICES AGREEMENT",
        149,
        "e335c24cfd77dd661c0c18aa9277ea3f526ac9540b7d3af96ef0deaa0fd2938a",
        (r"\d{1,2}",),
        (
            (r"avi@ability\.co\.il|GEMMANUEL@MWE\.COM", "[EMAIL]"),
            (r"Avi Levin|Gary Emmanuel", "[NAME]"),
            (r"\(212\) 547-5(?:541|444)", "[PHONE]"),
        ),
    ),
    # On2 Technologies, Inc. (customer) and Wildform, Inc. (supplier): Support and Maintenance Agreement of April 2005 under
    # their asset purchase, with Exhibit A (transition services) and Exhibit B (deliverables); the named coordinators and
    # supervisors shown as [NAME]
    "en-5604": (
        "ON2TECHNOLOGIES,INC_11_17_2006-EX-10.3-SUPPORT AND MAINTENANCE AGREEMENT",
        355,
        "9cb2a35f78070d574ac202873457b91f572981c78916cc28df9377424083f6da",
        (),
        ((r"Colby Devitt|Jonathan Blank|Chris Schapdick", "[NAME]"),),
    ),
}

#: heldout57: the same form as CUAD54 (odd lines of cuad_dev.jsonl only, none used by heldout54 or heldout56); the texts are
#: kept whole, schedules included (they are redacted or short), the redactions ([***], [Redacted - ...]) and the filings'
#: legends as filed; only page numbers and running footers are dropped
CUAD57: dict[str, tuple[str, int, str, tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    # Profound Medical Inc. (customer) and Philips Medical Systems Nederland B.V. (contract manufacturer): Supply Agreement of
    # 31 July 2017 for the Sonalleve MR-HIFU device (schedules redacted); the page lines ("- N -") dropped, the signatories and
    # the named notice contacts shown as [NAME]
    "en-5701": (
        "PROFOUNDMEDICALCORP_08_29_2019-EX-4.5-SUPPLY AGREEMENT",
        203,
        "68f39c0d1757881605a0c52e260b86aa0d23de970694a6397cf6654e0881405e",
        (r"- \d+ -",),
        ((r"Iwald Mons|Arun Menawat|Cheryl Reicin", "[NAME]"),),
    ),
    # SutroVax, Inc. (customer; now Vaxcyte) and Sutro Biopharma, Inc. (supplier): Supply Agreement of 29 May 2018 for
    # cell-free extracts and custom reagents (schedules redacted); the signatories shown as [NAME]
    "en-5702": (
        "VAXCYTE,INC_05_22_2020-EX-10.19-SUPPLY AGREEMENT",
        391,
        "5aa9d49ff424aa455a94f3d3c9503bc79a3f8bbbbc088cc82a39f76a3ff557b9",
        (),
        ((r"William J\. Newell|Grant E\. Pickering", "[NAME]"),),
    ),
    # ZTO Express Co., Ltd. (shipper) and Tonglu Tongze Logistics Ltd. (carrier): Road Transportation Agreement of 22 December
    # 2014 (English translation as filed); the filing's running footer dropped and the page numbers left at the end of three
    # lines removed; no person is named
    "en-5703": (
        "ZtoExpressCaymanInc_20160930_F-1_EX-10.10_9752871_EX-10.10_Transportation Agreement",
        61,
        "b18c00b398935e7fa82c85f6d21ca06e5db562d29032caa64b901bc74acd6256",
        (r"Source: ZTO EXPRESS \(CAYMAN\) INC\., F-1, 9/30/2016",),
        ((r"(?m) [234]$", ""),),
    ),
    # DGT Corp. (customer) and Dolphin Industries Limited (Hong Kong; photo editor): Photo Retouching Outsourcing Agreement of
    # 1 June 2006; the page marks at the end of four lines ("Page N of 5") removed, the signatories shown as [NAME]
    "en-5704": (
        "HUBEIMINKANGPHARMACEUTICALLTD_09_19_2006-EX-10.1-OUTSOURCING AGREEMENT",
        187,
        "a2b8a190b52643fe2dbfa748acca9ef8d40b455779627306680bd657cb963a98",
        (),
        ((r"(?m) Page [1-4] of 5$", ""), (r"Norman Joe|Chung-Keung Ho", "[NAME]")),
    ),
}


#: heldout58: the same form as CUAD54 (odd lines of cuad_dev.jsonl only, none used by heldout54, heldout56 or heldout57); the
#: texts are kept whole, annexes and appendices included (no schedule of prices was filed with them), the redactions (***) as
#: filed; only page numbers and running headers or footers are dropped
CUAD58: dict[str, tuple[str, int, str, tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    # EDGE Communications Solutions, LLC (contractor) and FTE Networks, Inc. (subcontractor): Strategic Alliance Agreement of
    # 17 February 2016, a master subcontract for outside-plant work for Mediacom (Exhibits A-D not filed); the running footer
    # ('STRATEGIC ALLIANCE AGREEMENT "EDGE-FTE" Page N') dropped, the signatories and notice contact shown as [NAME]
    "en-5801": (
        "FTENETWORKS,INC_02_18_2016-EX-99.4-STRATEGIC ALLIANCE AGREEMENT",
        281,
        "f9db7b25f0fd035c70cd0950fb2a2642875b7b5ab09a54e4d24dbfa7597d55e5",
        (r'STRATEGIC ALLIANCE AGREEMENT "EDGE-FTE" Page \d+',),
        ((r"Mark Miller|Carlie Ancor", "[NAME]"),),
    ),
    # Dazzle Interactive Network Technologies Co., Ltd. (Party A; Jiangsu Telecom's mobile-game platform) and Shenzhen
    # iDreamSky Technology Co., Ltd. (Party B, the game provider): Cooperation Agreement on Mobile Game Business of 1 January
    # 2013 with its Integrity Agreement and Undertakings on Network Access Information Safety (English translation as filed);
    # the page marks ("Page N of 29") and the running header (the Jiangsu Telecom contract number) after each page mark
    # removed, the contact persons and signatories shown as [NAME], the telephone numbers as [PHONE]
    "en-5802": (
        "IDREAMSKYTECHNOLOGYLTD_07_03_2014-EX-10.39-Cooperation Agreement on Mobile Game Business",
        215,
        "53a7275c87ec37beef87fc5843892940fd6feaad0c8ee79773ce8530328019ba",
        (),
        (
            (r" ?Page \d+ of 29\n+Jiangsu Telecom Contract No\.: JSXCS1200166CC000(?: |\n+)", "\n\n"),
            (r"(?m) ?Page \d+ of 29$", ""),
            (r"Chen Xiangyu|Chen Zhiyu|Chen Xi|Zhang Peng", "[NAME]"),
            (r"4008289289|025-86588790|0755-86110235", "[PHONE]"),
        ),
    ),
    # Beike Internet (Beijing) Security Technology Co., Ltd. (Party A; Cheetah Mobile's navigation site and browser) and Baidu
    # Online Network Technology (Beijing) Co., Ltd. (Party B): Cooperation Agreement of April 2013 on search traffic, with
    # Baidu's search-engine exemption clause, the Baidu Union business cooperation standard and the "Blue Sky 365" rules
    # (English translation as filed; revenue shares redacted); the page numbers left at the end of 25 lines removed (not
    # after "Annex"), Baidu's signatory shown as [NAME]
    "en-5803": (
        "CHEETAHMOBILEINC_04_22_2014-EX-10.43-Cooperation Agreement",
        293,
        "7ad4aef216d809694d967cf966fc42f9018f8d7c9667c59fa44c946c7bf0e08e",
        (),
        ((r"(?m)(?<!Annex) (?:[1-9]|1\d|2[0-5])$", ""), (r"Guolin Ma", "[NAME]")),
    ),
    # Purolator Courier Ltd. and Parcelway Courier Systems Canada Ltd. (a Dynamex subsidiary): Marketing and Transportation
    # Services Agreement of 20 November 1995 (sameday services by Dynamex, next-day services by Purolator; schedules not
    # filed); the page marks ("N - N -") dropped as lines and removed at the end of six lines and inside one, the page
    # numbers at the start of three lines and inside one removed; the signatures are illegible, no person is named
    "en-5804": (
        "DYNAMEXINC_06_06_1996-EX-10.4-TRANSPORTATION SERVICES AGREEMENT",
        209,
        "b78b65221c6ae786e6c1274ca932d7a5ffef078da4d94d0b6617db6028764e96",
        (r"\d{1,2} - \d{1,2} -",),
        (
            (r" \d{1,2} - \d{1,2} -", ""),
            (r"\A1 EXHIBIT", "EXHIBIT"),
            (r"(?m)^[57] (?=t)", ""),
            (r"Dynamex\. 4 3\.6", "Dynamex. 3.6"),
        ),
    ),
}


#: heldout59: the same form as CUAD54 (odd lines of cuad_dev.jsonl only, none used by heldout54, heldout56, heldout57 or
#: heldout58); the texts are kept whole, appendices and exhibits included, the redactions ([ ** ]) as filed; only page numbers
#: and running headers or footers are dropped
CUAD59: dict[str, tuple[str, int, str, tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    # Rogers Cable Communications Inc. (the customer) and EuroMedia Holdings Corp. (the Licensor, supplier of the Eurocinema
    # programming): Video-on-Demand Content License Agreement of 11 July 2006, on Rogers' letter form; the filing's running
    # footer ("Source: EUROMEDIA HOLDINGS CORP, 10SB12G, 2/15/2007") and the page marks ("-N-", as lines and at the end of
    # lines) dropped, the signatories (one also the Licensor's notice contact) shown as [NAME], the telephone and fax numbers
    # as [PHONE]
    "en-5901": (
        "EuromediaHoldingsCorp_20070215_10SB12G_EX-10.B(01)_525118_EX-10.B(01)_Content License Agreement",
        1,
        "410d3d3ff1c928befd4d2c5f405cc1215f4687db744c5abf1e98adefd97d7478",
        (r"Source: EUROMEDIA HOLDINGS CORP, 10SB12G, 2/15/2007", r"-\d{1,2}-"),
        (
            (r"(?m) -\d{1,2}-$", ""),
            (r"Edward Rogers|David Purdy|Sebastien Perioche", "[NAME]"),
            (r"\(416\) 935-4600|\(416\) 935-3548|305-529-6220|305-529-6201", "[PHONE]"),
        ),
    ),
    # Chase Bank USA, N.A. and its Affiliates (web sites referring credit-card applicants for a referral fee): Chase Affiliate
    # Agreement, programme terms "Last Updated: April 6, 2007" accepted by clicking, with the appendix of restricted trademark
    # terms and key words (kept: it is part of the terms); the filing's running footer ("Source: CREDITCARDS.COM, INC., S-1,
    # 8/10/2007") dropped; no person is named
    "en-5902": (
        "CreditcardscomInc_20070810_S-1_EX-10.33_362297_EX-10.33_Affiliate Agreement",
        71,
        "29b719c456250aea65501b771c0dc859094c9a5d5b074a6af4fe4254bd5c4384",
        (r"Source: CREDITCARDS\.COM, INC\., S-1, 8/10/2007",),
        (),
    ),
    # Immunotolerance, Inc. (the Company; later Pandion Therapeutics) and an individual consultant: Consulting Agreement of 27
    # March 2017 with Schedule A; the page marks ("- N -") at the end of six lines removed, the consultant (a party) and the
    # Company's signatory shown as [NAME]
    "en-5903": (
        "PANDIONTHERAPEUTICSHOLDCOLLC_05_22_2020-EX-10.17-CONSULTING AGREEMENT",
        135,
        "5369ed2fb8fc914be45608b48bc734c4c5607ac6eb6c3cc9e76c4ad3f41c892f",
        (),
        ((r"(?m) - [2-7] -$", ""), (r"Alan Crane|Dan Matloff", "[NAME]")),
    ),
    # CCA Industries, Inc. (the Company) and Emerson HealthCare, LLC (the Contractor): Services Outsourcing Agreement of 20
    # January 2014 (logistics, collection and administrative services for CCA's health and beauty products) with Exhibits A-C
    # (the product list and flow charts were not filed; C, logistic expenses, redacted); the page numbers and the running
    # header ("CONFIDENTIAL TREATMENT REQUESTED") dropped, the signatories, the notice contact and counsel shown as [NAME], the
    # telephone and fax numbers as [PHONE]
    "en-5904": (
        "CCAINDUSTRIESINC_04_14_2014-EX-10.1-OUTSOURCING AGREEMENT",
        183,
        "9620281e798e7635c9b6a3397ca210d00c9f57ca344ae62dc9af356163cddef4",
        (r"\d{1,2}", r"CONFIDENTIAL TREATMENT REQUESTED"),
        (
            (r"Scott Emerson|Steven L\. Gershman|Richard Kornhauser", "[NAME]"),
            (r"\(\d{3}\) \d{3}-\d{4}", "[PHONE]"),
        ),
    ),
}


def original(mirror_root: Path, repo: str, commit: str, path: str) -> bytes:
    git_dir = mirror_root / repo.replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():
        git_dir = git_dir / ".git"
    show = ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"]
    return subprocess.run(show, check=True, capture_output=True).stdout


def _squash(line: str) -> str:
    return re.sub(r"\s+", "", line)


def section(lines: list[str], start: str, occurrence: int, end: str | None) -> list[str]:
    """Lines from the occurrence-th line starting with `start` up to the first later line starting with `end`."""
    starts = [i for i, line in enumerate(lines) if _squash(line).startswith(_squash(start))]
    first = starts[occurrence - 1]
    stop = next(
        (i for i in range(first + 1, len(lines)) if end and _squash(lines[i]).startswith(_squash(end))),
        len(lines),
    )
    return lines[first:stop]


def squeeze(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def clean_pdf_lines(lines: list[str], drops: tuple[str, ...]) -> str:
    kept = []
    for line in lines:
        squeezed = re.sub(r"[ \t\xa0]+", " ", line).strip()
        if re.fullmatch(r"(Page )?\d{1,3}( of \d+)?", squeezed) or any(
            re.fullmatch(d, squeezed) for d in drops
        ):
            continue
        kept.append(squeezed)
    text = re.sub(r"[\w.+-]+@[\w-]+\.[\w.]+", "[e-mail]", "\n".join(kept))
    text = re.sub(r"(?<!\d)\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)", "[phone]", text)
    return squeeze(text)


def pdf_text(
    data: bytes, parts: tuple[Part, ...], drops: tuple[str, ...], subs: tuple[tuple[str, str], ...]
) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "source.pdf"
        src.write_bytes(data)
        layout = subprocess.run(["pdftotext", "-layout", str(src), "-"], check=True, capture_output=True)
    lines = layout.stdout.decode("utf-8").replace("\f", "\n").split("\n")
    text = "\n\n".join(clean_pdf_lines(section(lines, *part), drops).strip() for part in parts) + "\n"
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text, flags=re.M)
    return text


def pdf_crop_text(
    data: bytes,
    width: int,
    parts: tuple[Part, ...],
    drops: tuple[str, ...],
    subs: tuple[tuple[str, str], ...],
) -> str:
    """As pdf_text, but `pdftotext -layout` reads only the left `width` points of each page (a crop box as high as the
    page), so that comments printed in the right margin are left out."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "source.pdf"
        src.write_bytes(data)
        info = subprocess.run(["pdfinfo", str(src)], check=True, capture_output=True).stdout.decode("utf-8")
        height = float(re.search(r"Page size:\s+[\d.]+ x ([\d.]+)", info).group(1))  # type: ignore[union-attr]
        box = ["-x", "0", "-y", "0", "-W", str(width), "-H", str(int(height) + 1)]
        layout = subprocess.run(
            ["pdftotext", "-layout", *box, str(src), "-"], check=True, capture_output=True
        )
    lines = layout.stdout.decode("utf-8").replace("\f", "\n").split("\n")
    text = "\n\n".join(clean_pdf_lines(section(lines, *part), drops).strip() for part in parts) + "\n"
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text, flags=re.M)
    return text


def word_text(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "source.docx"
        src.write_bytes(data)
        text = clean(docx_text(src))
    text = re.sub(r"[ \t]{2,}", " ", text)
    return squeeze("\n".join(line.strip() for line in text.split("\n")))


def apply_step(text: str, op: str, arg: object) -> str:
    if op == "cut_after":
        marker = str(arg)
        return text[: text.index(marker) + len(marker)]
    if op == "cut_before":
        return text[: text.index(str(arg))]
    if op == "ranges":
        lines = text.split("\n")
        kept = [line for a, b in arg for line in [*lines[a - 1 : b - 1], ""]]  # type: ignore[attr-defined]
        return "\n".join(kept)
    if op == "drop_lines":
        patterns = tuple(arg)  # type: ignore[call-overload]
        return "\n".join(ln for ln in text.split("\n") if not any(re.fullmatch(p, ln) for p in patterns))
    if op == "sub":
        pattern, repl = arg  # type: ignore[misc]
        return re.sub(pattern, repl, text)
    if op == "replace":
        for old, new in arg:  # type: ignore[attr-defined]
            text = text.replace(old, new)
        return text
    if op == "names":
        found = {name for p in arg for m in re.finditer(p, text, re.M) for name in m.groups()}  # type: ignore[attr-defined]
        for name in sorted(found, key=len, reverse=True):
            text = text.replace(name, "[name]")
        return text
    raise ValueError(f"unknown step {op}")


def html_text(data: bytes, start: str, end: str | None, names: tuple[tuple[str, str], ...]) -> str:
    """Element text of a web page, one element per line, from the line `start` to before the line starting `end`."""
    page = data.decode("utf-8", errors="replace")
    page = re.sub(r"(?s)<!--.*?-->", "", page)
    page = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", "", page)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", page))
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    first = lines.index(start)
    stop = next((i for i in range(first + 1, len(lines)) if end and lines[i].startswith(end)), len(lines))
    renamed = dict(names)
    return squeeze("\n".join(renamed.get(line, line) for line in lines[first:stop]))


def jsp_text(data: bytes, start: str, end: str | None) -> str:
    """A form kept as a Java Server Page: one line per paragraph, list item, table row or cell."""
    page = data.decode("utf-8", errors="replace")
    page = re.sub(r"(?s)<%.*?%>|<!--.*?-->", "", page)
    page = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", "", page)
    page = re.sub(r"\$\{userSession[^}]*ONlsOrgname\}", "[Municipal body]", page)
    page = re.sub(r"\$\{[^}]*?(\w+)\}", r"[\1]", page)
    page = re.sub(r"\s+", " ", page)
    block = r"(?i)<(p|li|ul|ol|h\d|tr|br|div|table|header|td)\b[^>]*>|</(p|li|h\d|tr|div|td)>"
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(block, "\n", page)))
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    stop = next((i for i in range(first + 1, len(lines)) if end and lines[i].startswith(end)), len(lines))
    return squeeze("\n".join(lines[first:stop]))


def django_template_text(
    templates: dict[str, bytes], main: str, start: str, end: str | None, subs: tuple[tuple[str, str], ...]
) -> str:
    """A Django template: each {% include 'name' %} replaced by that template (from `templates`, keyed by name), the (regex,
    replacement) pairs applied to the source, each {{ field|filter }} shown as [field], the other {% ... %} tags dropped,
    then read as a server page (jsp_text) from the line starting with `start` to before `end`."""
    page = templates[main].decode("utf-8")
    include = re.compile(r"\{%\s*include\s+'([^']+)'\s*%\}")
    while include.search(page):
        page = include.sub(lambda m: templates[m.group(1)].decode("utf-8"), page)
    for pattern, repl in subs:
        page = re.sub(pattern, repl, page)
    page = re.sub(r"\{\{\s*([\w.]+)[^}]*\}\}", r"[\1]", page)
    page = re.sub(r"(?s)\{%.*?%\}", "", page)
    return jsp_text(page.encode("utf-8"), start, end)


def php_fields_text(
    data: bytes,
    start: str,
    end: str | None,
    fields: tuple[tuple[str, str], ...],
    subs: tuple[tuple[str, str], ...],
) -> str:
    """A PHP template: each echo field <?=$name;?> replaced by its value from `fields` ([name] when it has none), other PHP
    tags (conditions, loops) dropped, then read as jsp_text; then the (regex, replacement) pairs."""
    page = data.decode("utf-8", errors="replace")
    values = dict(fields)
    page = re.sub(r"<\?=\s*\$(\w+)\s*;?\s*\?>", lambda m: values.get(m.group(1), f"[{m.group(1)}]"), page)
    page = re.sub(r"(?s)<\?.*?\?>", "", page)
    text = jsp_text(page.encode("utf-8"), start, end)
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text)
    return text


def jsx_text(data: bytes, start: str, end: str | None) -> str:
    """A React component (JSX/TSX) holding a contract: the text inside its markup, one line per paragraph, list
    item, heading, table row or cell; JavaScript expressions in braces dropped."""
    page = data.decode("utf-8", errors="replace")
    page = page[page.index("return (") :] if "return (" in page else page
    page = re.sub(r"(?s)\{/\*.*?\*/\}", "", page)  # JSX comments
    page = re.sub(r"\{[^{}<>]*\}", "", page)  # expressions without markup
    page = re.sub(r"\s+", " ", page)
    block = r"(?i)<(p|li|ul|ol|h\d|tr|br|div|table|td|th|section)\b[^>]*>|</(p|li|h\d|tr|div|td|th|section)>"
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(block, "\n", page)))
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line and line not in {")", ");", "};"}]
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    stop = next((i for i in range(first + 1, len(lines)) if end and lines[i].startswith(end)), len(lines))
    return squeeze("\n".join(lines[first:stop]))


def blade_text(data: bytes, start: str, end: str | None) -> str:
    """A Laravel Blade print form: Blade comments dropped, line breaks inside a paragraph (<br>) read as spaces, then
    one line per paragraph, list item, table row or cell as jsp_text."""
    page = data.decode("utf-8", errors="replace")
    page = re.sub(r"(?s)\{\{--.*?--\}\}", "", page)
    page = re.sub(r"(?i)<br\s*/?>", " ", page)
    return jsp_text(page.encode("utf-8"), start, end)


def blade_trans_text(data: bytes, start: str, end: str | None) -> str:
    """A Blade view whose text is in translation calls: {{ __('text') }} or {{ __("text") }} becomes the text (escaped quotes read), Blade
    @-directives such as @if(...) and @endif are dropped, then read as blade_text."""
    page = data.decode("utf-8", errors="replace")
    call = r"""\{\{\s*__\((?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\)\s*\}\}"""
    page = re.sub(call, lambda m: re.sub(r"\\(.)", r"\1", m.group(1) or m.group(2) or ""), page)
    page = re.sub(r"@(if|elseif)\s*\((?:[^()]|\([^()]*\))*\)|@(endif|else)\b", "", page)
    return blade_text(page.encode("utf-8"), start, end)


def js_string_text(data: bytes, names: tuple[str, ...]) -> str:
    """The named JavaScript string constants, in order: escapes \\n and \\t read, HTML entities decoded, lines stripped."""
    source = data.decode("utf-8")
    texts = []
    for name in names:
        m = re.search(rf"\b{name}\s*=\s*(`(?:[^`\\]|\\.)*`|\"(?:[^\"\\]|\\.)*\")", source)
        if not m:
            raise ValueError(f"no string constant {name}")
        body = m.group(1)[1:-1].replace("\\n", "\n").replace("\\t", "\t")
        lines = [re.sub(r"\s+", " ", line).strip() for line in html.unescape(body).split("\n")]
        texts.append("\n".join(line for line in lines if line))
    return squeeze("\n\n".join(texts))


def pdfmake_text(data: bytes, start: str, end: str) -> str:
    """The fixed strings of a pdfmake document definition: `text:` values and `ol` list items, one per line."""
    lines = data.decode("utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if start in line)
    stop = next(i for i in range(first + 1, len(lines)) if end in lines[i])
    kept: list[str] = []
    number = 0  # position in the open ol list, 0 outside one
    string = r'"(?:[^"\\]|\\.)*"'
    for line in lines[first:stop]:
        if re.search(r"\bol:\s*\[", line):
            number = 1
            continue
        if number and re.match(r"^\s*\]", line):
            number = 0
            continue
        m = re.match(rf"^\s*({string}),?\s*$", line) if number else re.search(rf"\btext:\s*({string})", line)
        if m:
            value = json.loads(m.group(1))
            kept.append(f"{number}. {value}" if number else value)
            number = number + 1 if number else 0
    return squeeze("\n".join(kept))


def docx_doc_text(data: bytes, steps: tuple[Step, ...]) -> str:
    text = word_text(data)
    for op, arg in steps:
        text = apply_step(text, op, arg)
    return squeeze(text)


def commonaccord_text(data: bytes, sections: tuple[int, ...] | None) -> str:
    """CommonAccord markup: "N.Ti=title" and "N.sec=text" lines as "N title" / "N text", kept sections only."""
    kept = []
    for line in data.decode("utf-8").split("\n"):
        m = re.match(r"^((\d+)\.[\d.]*)?(Ti|[Ss]ec)=(.*)$", line)
        if not m or re.match(r"^\{[^}]*\}(<br>)?$", m.group(4).strip()):
            continue
        top = int(m.group(2)) if m.group(2) else None
        if sections is not None and top not in sections:
            continue
        number = re.sub(r"(\.0)+\.$|\.$", "", m.group(1) or "")
        body = html.unescape(re.sub(r"<[^>]+>", "", m.group(4))).strip()
        if body:
            kept.append(f"{number} {body}".strip() if m.group(3) == "Ti" else body)
            kept.append("")
    return squeeze("\n".join(kept))


def markdown_text(data: bytes) -> str:
    """Markdown with HTML spans: tags, emphasis and heading marks removed; a numbered list item nested under
    another is numbered from its parents (an item "1." under "2." becomes "2.1"), indentation stripped."""
    text = html.unescape(re.sub(r"<[^>]+>", "", data.decode("utf-8")))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [link text](target) -> link text
    numbers: list[tuple[int, str]] = []  # (indent, number) of the open list items
    lines = []
    for raw in text.split("\n"):
        m = re.match(r"^([ \t]*)(\d+)\.\s+(.*)$", raw)
        if m:
            indent = len(m.group(1).expandtabs(4))
            numbers = [(i, n) for i, n in numbers if i < indent] + [(indent, m.group(2))]
            raw = ".".join(n for _, n in numbers) + " " + m.group(3)
        line = re.sub(r"^#+\s*", "", re.sub(r"[ \t]+", " ", raw).strip())
        if not re.fullmatch(r"[=-]{3,}", line):  # setext heading underlines
            lines.append(line.replace("**", ""))
    return squeeze("\n".join(lines))


def markdown_span_text(data: bytes, start: str, end: str | None, subs: tuple[tuple[str, str], ...]) -> str:
    """A Markdown file as markdown_text, from the first line starting with `start` to before the line starting `end`."""
    lines = markdown_text(data).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    stop = next((i for i in range(first + 1, len(lines)) if end and lines[i].startswith(end)), len(lines))
    text = "\n".join(lines[first:stop])
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text)
    return squeeze(text)


def markdown_parts_text(data: bytes, parts: tuple[Part, ...], subs: tuple[tuple[str, str], ...]) -> str:
    """A Markdown file as markdown_text, the lines of each part (as the PDF parts: from the occurrence-th line starting with
    `start` to before the first later line starting with `end`) joined by a blank line, then the regex substitutions."""
    lines = markdown_text(data).split("\n")
    text = "\n\n".join("\n".join(section(lines, *part)).strip() for part in parts)
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text)
    return squeeze(text)


def ts_array_text(data: bytes) -> str:
    """The content strings of a TypeScript array of {type, content} items, one line each, in order."""
    source = data.decode("utf-8")
    quoted = r"content:\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')"
    return "\n".join(ast.literal_eval(m.group(1)) for m in re.finditer(quoted, source)) + "\n"


def span_bounds(source: str, spans: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
    """Where each span of `source` lies: from the first `start` to the first `end` after it, in order."""
    bounds: list[tuple[int, int]] = []
    for start, end in spans:
        first = source.index(start)
        bounds.append((first, source.index(end, first + len(start))))
    return bounds


def tsx_strings_text(data: bytes, spans: tuple[tuple[str, str], ...]) -> str:
    """The string literals of a React page, span by span: block comments dropped; each span runs from the first `start`
    to the first `end` after it; every template, double- or single-quoted literal in it, escapes read, one line per
    line of the string, inner whitespace squeezed, empty lines dropped."""
    source = re.sub(r"(?s)/\*.*?\*/", "", data.decode("utf-8"))
    literal = re.compile(r"`((?:[^`\\]|\\.)*)`|\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'")
    lines: list[str] = []
    for first, stop in span_bounds(source, spans):
        for m in literal.finditer(source, first, stop):
            body = re.sub(r"\\(.)", r"\1", next(g for g in m.groups() if g is not None))
            lines.extend(re.sub(r"\s+", " ", line).strip() for line in body.split("\n"))
    return squeeze("\n".join(line for line in lines if line))


def react_pdf_text(sources: list[tuple[bytes, tuple[tuple[str, str], ...]]]) -> str:
    """A @react-pdf/renderer document kept as JavaScript: for each file and each (start, end) span of its source (from the
    first `start` to the first `end` after it), in order: a table row {left, right} as "left | right", an item label with
    its description ("a. text"), a label whose description is markup on a line of its own, each heading or description
    string, and the text of each <Text> element; HTML entities decoded, runs of whitespace squeezed, one line each."""
    quoted = r"'((?:[^'\\\n]|\\.)*)'"
    item = re.compile(
        rf"left:\s*{quoted},\s*right:\s*{quoted}"
        rf"|id:\s*{quoted},\s*description:\s*{quoted}"
        rf"|id:\s*{quoted},\s*description:\s*\("
        rf"|(?:heading|description):\s*{quoted}"
        r"|<Text\b[^>]*>([^<>{}]+)</Text>"
    )
    lines: list[str] = []
    for data, spans in sources:
        source = data.decode("utf-8")
        for first, stop in span_bounds(source, spans):
            for m in item.finditer(source, first, stop):
                left, right, label, text, alone, string, element = m.groups()
                if left is not None:
                    line = f"{left} | {right}"
                elif label is not None:
                    line = f"{label} {text}"
                else:
                    line = next(g for g in (alone, string, element) if g is not None)
                line = html.unescape(re.sub(r"\\(.)", r"\1", line))
                lines.append(re.sub(r"\s+", " ", line).strip())
    return squeeze("\n".join(line for line in lines if line))


_CS_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_CS_ESCAPES = {"n": "\n", "t": " ", '"': '"', "\\": "\\", "'": "'"}
#: names in a field expression that are not the field (methods, namespaces, helpers)
_CS_NOT_FIELDS = frozenset(
    {
        "ToString",
        "ToUpper",
        "ToLower",
        "Value",
        "Trim",
        "new",
        "System",
        "Globalization",
        "CultureInfo",
        "Reports",
        "DigitsToWords",
        "string",
        "Empty",
        "null",
    }
)


def _cs_scan(source: str, i: int, stop_at: str) -> int:
    """The position of the first character of `stop_at` at bracket depth 0 from i, string literals skipped (the position
    of an unmatched closing bracket when `stop_at` holds one, or the end)."""
    depth = 0
    while i < len(source):
        ch = source[i]
        if ch == '"':
            i = _CS_LITERAL.match(source, i).end()  # type: ignore[union-attr]
            continue
        if ch in stop_at and depth == 0:
            return i
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        i += 1
    return i


def _cs_value(argument: str) -> str:
    """A MigraDoc cell's text: the string literals of the argument (joined by +) with their escapes read, any other term
    (a field) as [its last name]."""
    parts: list[str] = []
    terms, i = [], 0
    while i <= len(argument):
        j = _cs_scan(argument, i, "+")
        terms.append(argument[i:j].strip())
        i = j + 1
    for term in terms:
        literal = _CS_LITERAL.fullmatch(term)
        if literal:
            parts.append(
                re.sub(r"\\(.)", lambda e: _CS_ESCAPES.get(e.group(1), e.group(1)), literal.group(1))
            )
        elif term:
            names = [
                n for n in re.findall(r"[A-Za-z_]\w*", _CS_LITERAL.sub("", term)) if n not in _CS_NOT_FIELDS
            ]
            parts.append(f"[{names[-1]}]" if names else "")
    return "".join(parts)


def migradoc_text(data: bytes, spans: tuple[tuple[str, str], ...], subs: tuple[tuple[str, str], ...]) -> str:
    """A report built in C# with MigraDoc: lines starting with // dropped; for each span (from the first `start` to the
    first `end` after it), statement by statement, each `new ContentCell(` starts a cell whose text is its first argument
    (a TextWithFormat array's pieces, each `new TextWithFormat(` first argument, are appended to it), and each
    AddRowContent or AddFormattedRowContent call ends a row: one line, its non-empty cells joined by a space, line breaks
    of the text kept, runs of whitespace squeezed; then (regex, replacement) pairs."""
    source = "\n".join(
        line for line in data.decode("utf-8-sig").split("\n") if not line.lstrip().startswith("//")
    )
    lines: list[str] = []
    for first, stop in span_bounds(source, spans):
        block, i, row = source[first:stop], 0, []
        while i < len(block):
            j = _cs_scan(block, i, ";")
            statement = block[i : j + 1]
            for m in re.finditer(r"new (ContentCell|TextWithFormat)\(", statement):
                argument = statement[m.end() : _cs_scan(statement, m.end(), ",)")].strip()
                if m.group(1) == "ContentCell":
                    row.append("" if argument.startswith("new TextWithFormat[]") else _cs_value(argument))
                elif row:
                    row[-1] += _cs_value(argument)
            if re.search(r"\.Add(?:Formatted)?RowContent\(", statement):
                text = " ".join(cell.strip() for cell in row if cell.strip())
                lines.extend(re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
                row = []
            i = j + 1
    text = "\n".join(line for line in lines if line) + "\n"
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text)
    return text


def razor_text(data: bytes, spans: tuple[tuple[str, str], ...], subs: tuple[tuple[str, str], ...]) -> str:
    """A Razor view (.cshtml): for each span (from the first `start` to the first `end` after it), in order, the model
    expressions @Model.X.Y shown as [Y], every tag a line break, HTML entities decoded, each line stripped and its runs of
    whitespace squeezed, empty lines dropped; then (regex, replacement) pairs."""
    source = data.decode("utf-8-sig")
    pieces = [source[first:stop] for first, stop in span_bounds(source, spans)]
    text = re.sub(r"@Model(?:\.\w+)*\.(\w+)", r"[\1]", "\n".join(pieces))
    text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
    text = "\n".join(line for line in lines if line)
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text)
    return squeeze(text)


def php_echo_text(data: bytes, spans: tuple[tuple[str, str], ...], subs: tuple[tuple[str, str], ...]) -> str:
    """A PHP view: for each span (from the first `start` to the first `end` after it), in order, each echo tag <?= ... ?>
    shown as [its last array key or variable name] (htmlspecialchars($order['vat_rate']) as [vat_rate]), the other PHP
    tags (<?php ... ?>: conditions, loops, code) dropped, then read as the server pages (jsp_text) from the first line of
    the first span; then (regex, replacement) pairs."""
    source = data.decode("utf-8")
    pieces = [source[first:stop] for first, stop in span_bounds(source, spans)]
    page = "\n".join(pieces)

    def field(match: re.Match[str]) -> str:
        key, variable = re.findall(r"\['(\w+)'\]|\$(\w+)", match.group(1))[-1]
        return f"[{key or variable}]"

    page = re.sub(r"(?s)<\?=(.*?)\?>", field, page)
    page = re.sub(r"(?s)<\?php.*?\?>", "", page)
    text = jsp_text(page.encode("utf-8"), "", None)
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text)
    return squeeze(text)


def pdf_columns_text(
    data: bytes, pages: int, drops: tuple[str, ...], subs: tuple[tuple[str, str], ...]
) -> str:
    """A two-column PDF: `pdftotext -layout` of the left and then the right half of each page (split at the middle of the
    page width), lines stripped and inner runs of spaces squeezed, lines matching a `drops` pattern removed; the lines of
    each paragraph (separated by blank lines, or by a column break after a line ending in . ; or : or before a numbered
    clause or bullet) joined with spaces; then the (regex, replacement) pairs."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "source.pdf"
        src.write_bytes(data)
        info = subprocess.run(["pdfinfo", str(src)], check=True, capture_output=True).stdout.decode("utf-8")
        width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
        half = int(width // 2)
        columns = []
        for page in range(1, pages + 1):
            for x, w in ((0, half), (half, int(width) - half + 1)):
                pages_opt = ["-f", str(page), "-l", str(page)]
                box = ["-x", str(x), "-y", "0", "-W", str(w), "-H", str(int(height) + 1)]
                run = ["pdftotext", "-layout", *pages_opt, *box, str(src), "-"]
                out = subprocess.run(run, check=True, capture_output=True).stdout.decode("utf-8")
                lines = [re.sub(r"[ \t\xa0]+", " ", ln).strip() for ln in out.replace("\f", "").split("\n")]
                columns.append([ln for ln in lines if not any(re.fullmatch(d, ln) for d in drops)])
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for column in columns:
        body = list(column)
        while body and not body[0]:
            body.pop(0)
        while body and not body[-1]:
            body.pop()
        if current and body:
            first = body[0]
            if current[-1][-1:] in ".;:" or re.match(r"(\d+(\.\d+)*\s|\uf0b7|•)", first):
                paragraphs.append(current)
                current = []
        for line in body:
            if line:
                current.append(line)
            elif current:
                paragraphs.append(current)
                current = []
    if current:
        paragraphs.append(current)
    text = "\n".join(" ".join(p) for p in paragraphs) + "\n"
    for pattern, repl in subs:
        text = re.sub(pattern, repl, text)
    return squeeze(text)


def cuad_text(text: str, drops: tuple[str, ...], subs: tuple[tuple[str, str], ...]) -> str:
    """A CUAD record's text: each line's runs of spaces squeezed and the line stripped, lines matching one of `drops`
    (page numbers) left out, then the (regex, replacement) pairs, blank lines squeezed."""
    kept = []
    for line in text.splitlines():
        line = re.sub(r"[ \t\xa0]+", " ", line).strip()
        if any(re.fullmatch(d, line) for d in drops):
            continue
        kept.append(line)
    out = "\n".join(kept)
    for pattern, repl in subs:
        out = re.sub(pattern, repl, out)
    return squeeze(out)


def emit(out_dir: Path, doc_id: str, text: str, *originals: bytes) -> None:
    """Write one text and print its id, the sha256 of its original file(s) (FETCHED.md lists them) and its length."""
    (out_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    print(doc_id, " ".join(hashlib.sha256(data).hexdigest() for data in originals), len(text))


def read_doc(reader: str, data: bytes, args: tuple[object, ...]) -> str:
    """One recipe's text: `data` read by its named reader ("pdf", "markdown_span", "markdown_parts" (parts, subs), "docx",
    "tsx_strings" (spans), "php_fields" (start, end, fields, subs),
    "pdf_columns" (pages, drops, subs), "pdf_crop" (width, parts, drops, subs), "migradoc" (spans, subs), "razor"
    (spans, subs), "php_echo" (spans, subs), or
    "jsx" / "blade" / "php" with (start, end, subs): the span, then the regex substitutions)."""
    if reader == "pdf":
        return pdf_text(data, *args)  # type: ignore[arg-type]
    if reader == "markdown_span":
        return markdown_span_text(data, *args)  # type: ignore[arg-type]
    if reader == "markdown_parts":
        return markdown_parts_text(data, *args)  # type: ignore[arg-type]
    if reader == "docx":
        return docx_doc_text(data, args)  # type: ignore[arg-type]
    if reader == "tsx_strings":
        return tsx_strings_text(data, args)  # type: ignore[arg-type]
    if reader == "pdf_columns":
        return pdf_columns_text(data, *args)  # type: ignore[arg-type]
    if reader == "pdf_crop":
        return pdf_crop_text(data, *args)  # type: ignore[arg-type]
    if reader == "php_fields":
        return php_fields_text(data, *args)  # type: ignore[arg-type]
    if reader == "migradoc":
        return migradoc_text(data, *args)  # type: ignore[arg-type]
    if reader == "razor":
        return razor_text(data, *args)  # type: ignore[arg-type]
    if reader == "php_echo":
        return php_echo_text(data, *args)  # type: ignore[arg-type]
    start, end, subs = args
    span = {"jsx": jsx_text, "blade": blade_text, "php": jsp_text}[reader]
    text = span(data, start, end)  # type: ignore[arg-type]
    for pattern, repl in subs:  # type: ignore[attr-defined]
        text = re.sub(pattern, repl, text)
    return text


#: the recipe tables of heldout22 onwards read by read_doc (heldout41 and heldout43 have readers of their own), in the
#: order their texts are written
LATER_DOCS = (
    DOCS22,
    DOCS23,
    DOCS24,
    DOCS25,
    DOCS26,
    DOCS27,
    DOCS28,
    DOCS29,
    DOCS30,
    DOCS31,
    DOCS32,
    DOCS33,
    DOCS34,
    DOCS35,
    DOCS36,
    DOCS37,
    DOCS38,
    DOCS39,
    DOCS45,
    DOCS47,
    DOCS49,
    DOCS51,
    DOCS52,
)


def emit_later_docs(mirror_root: Path, out_dir: Path) -> None:
    """The texts of heldout22 onwards: each recipe read by its named reader (read_doc)."""
    for table in LATER_DOCS:
        for doc_id, (reader, repo, commit, path, args) in table.items():
            data = original(mirror_root, repo, commit, path)
            emit(out_dir, doc_id, read_doc(reader, data, args), data)


def emit_docs41(mirror_root: Path, out_dir: Path) -> None:
    """The texts of heldout41: each entry's files read from one commit, their spans read by react_pdf_text, then the
    entry's (regex, replacement) pairs."""
    for doc_id, (reader, repo, commit, files, subs) in DOCS41.items():
        assert reader == "react_pdf"
        datas = [original(mirror_root, repo, commit, path) for path, _ in files]
        text = react_pdf_text([(data, spans) for data, (_, spans) in zip(datas, files, strict=True)])
        for pattern, repl in subs:
            text = re.sub(pattern, repl, text)
        emit(out_dir, doc_id, squeeze(text), *datas)


def emit_docs43(mirror_root: Path, out_dir: Path) -> None:
    """The texts of heldout43: a "django" entry reads its main template and included templates from one commit
    (django_template_text); the others are read by their named reader (read_doc), as emit_later_docs()."""
    for doc_id, (reader, repo, commit, source, args) in DOCS43.items():
        if reader == "django":
            root, main, includes = source  # type: ignore[misc]
            names = (main, *includes)
            datas = [original(mirror_root, repo, commit, root + name) for name in names]
            text = django_template_text(dict(zip(names, datas, strict=True)), main, *args)  # type: ignore[arg-type]
            emit(out_dir, doc_id, text, *datas)
        else:
            data = original(mirror_root, repo, commit, source)  # type: ignore[arg-type]
            emit(out_dir, doc_id, read_doc(reader, data, args), data)


def emit_cuad(
    out_dir: Path,
    table: dict[str, tuple[str, int, str, tuple[str, ...], tuple[tuple[str, str], ...]]],
    name: str,
    cuad: Path = CUAD_DEV,
) -> None:
    """The texts of one CUAD table (CUAD54, CUAD56, CUAD57, CUAD58, CUAD59): each entry's record taken from CUAD's development file by contract_id,
    its line number and the sha256 of its text checked, then read by cuad_text; skipped with a message when the file is
    absent."""
    if not cuad.exists():
        print(f"{cuad}: not found, the {name} texts are not written")
        return
    wanted = {entry[0]: doc_id for doc_id, entry in table.items()}
    records: dict[str, tuple[int, str]] = {}
    with cuad.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            record = json.loads(line)
            if record["contract_id"] in wanted:
                records[wanted[record["contract_id"]]] = (index, record["text"])
    for doc_id, (contract_id, line_index, sha, drops, subs) in table.items():
        index, text = records[doc_id]
        data = text.encode("utf-8")
        if index != line_index or hashlib.sha256(data).hexdigest() != sha:
            raise SystemExit(
                f"{doc_id}: {contract_id!r} is not line {line_index} of {cuad} with text sha256 {sha}"
            )
        emit(out_dir, doc_id, cuad_text(text, drops, subs), data)


def emit_cuad54(out_dir: Path, cuad: Path = CUAD_DEV) -> None:
    """The texts of heldout54 (CUAD54)."""
    emit_cuad(out_dir, CUAD54, "heldout54 (CUAD54)", cuad)


def emit_cuad56(out_dir: Path, cuad: Path = CUAD_DEV) -> None:
    """The texts of heldout56 (CUAD56)."""
    emit_cuad(out_dir, CUAD56, "heldout56 (CUAD56)", cuad)


def emit_cuad57(out_dir: Path, cuad: Path = CUAD_DEV) -> None:
    """The texts of heldout57 (CUAD57)."""
    emit_cuad(out_dir, CUAD57, "heldout57 (CUAD57)", cuad)


def emit_cuad58(out_dir: Path, cuad: Path = CUAD_DEV) -> None:
    """The texts of heldout58 (CUAD58)."""
    emit_cuad(out_dir, CUAD58, "heldout58 (CUAD58)", cuad)


def emit_cuad59(out_dir: Path, cuad: Path = CUAD_DEV) -> None:
    """The texts of heldout59 (CUAD59)."""
    emit_cuad(out_dir, CUAD59, "heldout59 (CUAD59)", cuad)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    mirror_root, out_dir = Path(argv[1]), Path(argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc_id, (repo, commit, path, parts, drops, subs) in PDF_DOCS.items():
        data = original(mirror_root, repo, commit, path)
        text = pdf_text(data, parts, drops, subs)
        emit(out_dir, doc_id, text, data)
    for doc_id, (repo, commit, path, start, end, names) in HTML_DOCS.items():
        data = original(mirror_root, repo, commit, path)
        text = html_text(data, start, end, names)
        emit(out_dir, doc_id, text, data)
    for doc_id, (repo, commit, files, drops, subs) in PDF_SETS.items():
        datas = [original(mirror_root, repo, commit, path) for path, _ in files]
        text = "\n".join(
            pdf_text(data, parts, drops, ()) for data, (_, parts) in zip(datas, files, strict=True)
        )
        for pattern, repl in subs:
            text = re.sub(pattern, repl, text)
        emit(out_dir, doc_id, squeeze(text), *datas)
    for doc_id, (repo, commit, paths, fmt, sections) in MARKUP_DOCS.items():
        datas = [original(mirror_root, repo, commit, path) for path in paths]
        texts = [commonaccord_text(d, sections) if fmt == "commonaccord" else markdown_text(d) for d in datas]
        emit(out_dir, doc_id, squeeze("\n".join(texts)), *datas)
    for doc_id, (path, steps) in DOCX_DOCS.items():
        data = original(mirror_root, LEGALAI, LEGALAI_COMMIT, path)
        text = docx_doc_text(data, steps)
        emit(out_dir, doc_id, text, data)
    for doc_id, (repo, commit, path, steps) in OTHER_DOCX_DOCS.items():
        data = original(mirror_root, repo, commit, path)
        emit(out_dir, doc_id, docx_doc_text(data, steps), data)
    # program files whose contract text lies between two markers, each table with its reader
    spans = (
        (JSP_DOCS, jsp_text),
        (BLADE_DOCS, blade_text),
        (JSX_DOCS, jsx_text),
        (PDFMAKE_DOCS, pdfmake_text),
    )
    for table, reader in spans:
        for doc_id, (repo, commit, path, start, end) in table.items():
            data = original(mirror_root, repo, commit, path)
            emit(out_dir, doc_id, reader(data, start, end), data)
    for doc_id, (repo, commit, path, constants) in JS_STRING_DOCS.items():
        data = original(mirror_root, repo, commit, path)
        emit(out_dir, doc_id, js_string_text(data, constants), data)
    for doc_id, (repo, commit, path) in TS_ARRAY_DOCS.items():
        data = original(mirror_root, repo, commit, path)
        emit(out_dir, doc_id, ts_array_text(data), data)
    for doc_id, (repo, commit, path, start, end) in BLADE_TRANS_DOCS.items():
        data = original(mirror_root, repo, commit, path)
        emit(out_dir, doc_id, blade_trans_text(data, start, end), data)
    for doc_id, (repo, commit, path, start, end, subs) in MARKDOWN_SPAN_DOCS.items():
        data = original(mirror_root, repo, commit, path)
        emit(out_dir, doc_id, markdown_span_text(data, start, end, subs), data)
    emit_later_docs(mirror_root, out_dir)
    emit_docs41(mirror_root, out_dir)
    emit_docs43(mirror_root, out_dir)
    emit_cuad54(out_dir)
    emit_cuad56(out_dir)
    emit_cuad57(out_dir)
    emit_cuad58(out_dir)
    emit_cuad59(out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
