"""Filling a template with docxtpl, every undefined template variable shown as a placeholder and warned."""

from __future__ import annotations

import io
from contextvars import ContextVar
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from smartcourt.engines.drafting._compose import COMPOSERS, Fields
from smartcourt.engines.drafting._compose_appeal import APPEAL_COMPOSERS
from smartcourt.engines.drafting._types import DocumentType, Draft, DraftContext, DraftWarning
from smartcourt.engines.drafting._validate import validate
from smartcourt.engines.drafting.errors import TemplateError, UnknownDocumentTypeError

_SINK: ContextVar[list[DraftWarning]] = ContextVar("drafting_warnings")


class _Missing(jinja2.Undefined):
    """A template variable the composer did not provide: shown as 【待补充：name】 and warned, never blank."""

    def _record(self) -> str:
        warning = DraftWarning(f"template.{self._undefined_name}", str(self._undefined_name))
        sink = _SINK.get(None)
        if sink is not None and warning not in sink:
            sink.append(warning)
        return warning.placeholder

    def __str__(self) -> str:
        return self._record()

    def __iter__(self) -> Any:
        yield self._record()

    def __bool__(self) -> bool:
        self._record()
        return False


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(undefined=_Missing, autoescape=True)


@cache
def template_bytes(name: str) -> bytes:
    path = resources.files("smartcourt.engines.drafting").joinpath("templates", f"{name}.docx")
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise TemplateError(name, "模板文件不存在") from exc


def document_type(value: DocumentType | str) -> DocumentType:
    if isinstance(value, DocumentType):
        return value
    if isinstance(value, str):
        for kind in DocumentType:
            if value == kind.value:
                return kind
    raise UnknownDocumentTypeError(str(value))


def render(kind: DocumentType | str, context: DraftContext) -> Draft:
    from docxtpl import DocxTemplate  # imported when drafting, not when the engine is imported

    chosen = document_type(kind)
    validate(context)
    fields = Fields()
    variables = (COMPOSERS | APPEAL_COMPOSERS)[chosen](context, fields)
    template = DocxTemplate(io.BytesIO(template_bytes(chosen.value)))
    token = _SINK.set(fields.warnings)
    try:
        template.render(variables, jinja_env=_environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(chosen.value, f"无法填充（{exc}）") from exc
    finally:
        _SINK.reset(token)
    out = io.BytesIO()
    template.save(out)
    paragraphs = _paragraphs(template.docx)
    return Draft(chosen, out.getvalue(), paragraphs, tuple(fields.warnings))


def _paragraphs(document: Any) -> tuple[str, ...]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    texts.extend(p.text for p in cell.paragraphs)
    return tuple(texts)
