"""The compiler's data model: ids, type keys, callable specs, framework primitives."""

from __future__ import annotations

from .callables import CallableSpec as CallableSpec, GeneratorKind as GeneratorKind, Param as Param
from .ids import ComponentId as ComponentId, ScopeId as ScopeId
from .types import TypeKey as TypeKey, type_key as type_key

__all__ = ["CallableSpec", "ComponentId", "GeneratorKind", "Param", "ScopeId", "TypeKey", "type_key"]
