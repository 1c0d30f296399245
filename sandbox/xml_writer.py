"""Response envelopes written straight to text, byte for byte what zeep's serialiser writes.

zeep builds an lxml tree and then serialises it: about 0.6 s for a page of 1,000 offers.
This module reads the same parsed contract (zeep's types of each response message) once
and generates a small Python writer per complex type that appends strings. The rules are
zeep's: elements in declared order, an optional element that is None is left out, a
required one refuses None, unknown fields refuse the call, an empty complex element is
written ``<ns0:x/>``; values become text through the builtin type's own ``xmlvalue``, and
text is escaped and checked as lxml does. Tests and ``strict_responses`` compare every
answer with zeep's own serialisation.
"""

from __future__ import annotations

import re
from itertools import count

from zeep.xsd.types.builtins import Boolean, BuiltinType, Float, Integer, String

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
# What lxml refuses in text (ValueError) and what it escapes: &, <, >, and CR as &#13;.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}


def escape_text(text: str) -> str:
    """Text content as lxml writes it; refuses what lxml refuses."""
    if _SPECIAL.search(text) is None:
        return text
    if _REFUSED.search(text) is not None:
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, "
                         "no NULL bytes or control characters")
    return re.sub("[&<>\r]", lambda m: _ESCAPES[m.group()], text)


def _slow_text(xsd_type: BuiltinType):
    """value -> escaped element text for any value: zeep's xmlvalue, then lxml's escaping."""
    xmlvalue = xsd_type.xmlvalue
    return lambda v: escape_text(xmlvalue(v))


def _text_expression(xsd_type: BuiltinType, slow: str, var: str) -> str:
    """Python code turning ``var`` into element text; the common Python types inline."""
    if isinstance(xsd_type, Integer):  # int, long, short: zeep writes str(value)
        return f"(str({var}) if {var}.__class__ is int else {slow}({var}))"
    if isinstance(xsd_type, Float):  # zeep writes str(value).upper(): 19.99, 1E-05, INF
        return f"(str({var}).upper() if {var}.__class__ is float else {slow}({var}))"
    if isinstance(xsd_type, Boolean):
        return f"(({var} and 'true' or 'false') if {var}.__class__ is bool else {slow}({var}))"
    if isinstance(xsd_type, String):
        return f"({var} if {var}.__class__ is str and _special({var}) is None else {slow}({var}))"
    return f"{slow}({var})"


class _Compiler:
    """Generates one function per complex type: ``write(value, out)`` appends to ``out``."""

    def __init__(self, namespace: str):
        self.namespace = namespace
        self.scope: dict = {"_missing": _missing, "_few": _few, "_unknown": _unknown,
                            "_special": _SPECIAL.search}
        self.names: dict[int, str] = {}
        self.source: list[str] = []
        self._ids = count()

    def tag(self, element) -> str:
        qname = element.qname
        if qname.namespace == self.namespace:
            return f"ns0:{qname.localname}"
        if not qname.namespace:
            return qname.localname
        raise NotImplementedError(f"element {qname} of another namespace")

    def writer(self, complex_type) -> str:
        """The name of the function writing ``complex_type``'s children."""
        key = id(complex_type)
        if key in self.names:
            return self.names[key]
        name = f"_w{next(self._ids)}"
        self.names[key] = name
        if complex_type.attributes:
            raise NotImplementedError(f"{complex_type.name}: attributes")
        elements = list(complex_type.elements)
        fields = f"_fields{name}"
        self.scope[fields] = frozenset(n for n, _ in elements)
        self.scope[f"_name{name}"] = complex_type.name or "message"
        lines = [f"def {name}(v, out):", "    a = out.append"]
        # Only dicts: zeep also takes a bare list for an ArrayOfX, but writes only its
        # first value, so the sandbox always says {"item": [...]}.
        lines.append(f"    if v.__class__ is not dict or not {fields}.issuperset(v):")
        lines.append(f"        _unknown(_name{name}, v, {fields})")
        lines.append("    g = v.get")
        for run in self._runs(elements):
            lines += self._run(run, name) if len(run) > 1 else self._element(*run[0], name, "x0")
        self.source.append("\n".join(lines))
        return name

    @staticmethod
    def _runs(elements) -> list[list]:
        """Consecutive single simple elements go together: one string when all are there."""
        runs: list[list] = []
        for field, element in elements:
            single = isinstance(element.type, BuiltinType) and not element.accepts_multiple
            if single and runs and runs[-1][-1][2]:
                runs[-1].append((field, element, True))
            else:
                runs.append([(field, element, single)])
        return [[(f, e) for f, e, _ in run] for run in runs]

    def _run(self, run: list, owner: str) -> list[str]:
        names = [f"x{i}" for i in range(len(run))]
        lines = [f"    {var} = g({field!r})" for var, (field, _) in zip(names, run)]
        parts = []
        for var, (field, element) in zip(names, run):
            tag = self.tag(element)
            text = _text_expression(element.type, self._slow(owner, field, element), var)
            parts.append(f"<{tag}>{{{text}}}</{tag}>")
        lines.append(f"    if {' is not None and '.join(names)} is not None:")
        lines.append(f'        a(f"""{"".join(parts)}""")')
        lines.append("    else:")
        for var, (field, element) in zip(names, run):
            lines += ["    " + line for line in self._element(field, element, owner, var, False)]
        return lines

    def _slow(self, owner: str, field: str, element) -> str:
        slow = f"_t{next(self._ids)}"  # (XML names may hold "-" or ".": no Python names)
        self.scope[slow] = _slow_text(element.type)
        return slow

    def _element(self, field: str, element, owner: str, var: str, fetch: bool = True) -> list[str]:
        if element.nillable:
            raise NotImplementedError(f"{field}: nillable")
        tag = self.tag(element)
        simple = isinstance(element.type, BuiltinType)
        if simple:
            text = _text_expression(element.type, self._slow(owner, field, element), "i")
            write = [f"a('<{tag}>' + {text} + '</{tag}>')"]
        else:
            child = self.writer(element.type)
            write = [f"a('<{tag}>')", "n = len(out)", f"{child}(i, out)",
                     f"if len(out) == n: out[-1] = '<{tag}/>'", f"else: a('</{tag}>')"]
        lines = [f"    {var} = g({field!r})"] if fetch else []
        lines.append(f"    if {var} is None:")
        lines.append(f"        _missing({field!r})" if not element.is_optional else "        pass")
        lines.append("    else:")
        if element.accepts_multiple:
            if element.max_occurs != "unbounded":
                raise NotImplementedError(f"{field}: maxOccurs {element.max_occurs}")
            lines.append(f"        many = {var} if {var}.__class__ is list else [{var}]")
            if element.min_occurs > 0:
                lines.append(f"        if len(many) < {element.min_occurs}: _few({field!r})")
            lines.append("        for i in many:")
            # zeep refuses a None among simple values and skips it among complex ones
            skip = f"_missing({field!r})" if simple else "continue"
            lines.append(f"            if i is None: {skip}")
            lines += [f"            {w}" for w in write]
        else:
            lines.append(f"        i = {var}")
            lines += [f"        {w}" for w in write]
        return lines

    def build(self, names: list[str]) -> dict:
        code = "\n\n".join(self.source)
        exec(compile(code, "<sandbox.xml_writer>", "exec"), self.scope)  # noqa: S102
        return {n: self.scope[n] for n in names}


def _missing(field: str):
    raise ValueError(f"Missing element {field}")


def _few(field: str):
    raise ValueError(f"Too few {field} elements")


def _unknown(type_name: str, value, fields: frozenset):
    if not isinstance(value, dict):
        raise TypeError(f"{type_name} takes a dict, not {type(value).__name__}")
    raise TypeError(f"{type_name} has no field(s) {sorted(set(value) - fields)}")


class ResponseWriter:
    """Writes one operation's response envelope from the same fields zeep's serialize takes."""

    def __init__(self, body_element, namespace: str):
        compiler = _Compiler(namespace)
        tag = compiler.tag(body_element)
        function = compiler.writer(body_element.type)
        self._write = compiler.build([function])[function]
        self._head = (
            "<?xml version='1.0' encoding='UTF-8'?>\n"
            f'<soap-env:Envelope xmlns:soap-env="{SOAP_ENV}"><soap-env:Body>'
            f'<{tag} xmlns:ns0="{namespace}">'
        )
        self._empty = self._head[:-1] + "/></soap-env:Body></soap-env:Envelope>"
        self._tail = f"</{tag}></soap-env:Body></soap-env:Envelope>"

    def __call__(self, fields: dict) -> bytes:
        out = [self._head]
        self._write(fields, out)
        if len(out) == 1:
            return self._empty.encode("utf-8")
        out.append(self._tail)
        return "".join(out).encode("utf-8")
