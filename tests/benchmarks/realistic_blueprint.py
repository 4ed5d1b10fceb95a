"""A realistic blueprint for the compiler benchmark: the shape of a small newsletter service.

15 routes (one nested blueprint under `/admin`), the framework's `ApiKit`, telemetry, three wrapping /
pre- / post-processing middlewares, singletons with teardown, a request-scoped transaction, error handlers
at both levels and an observer. The components do nothing useful: only their signatures matter to the
compiler, which is what `codegen_bench` measures.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import framework.telemetry
from blueprint import DELETE, GET, POST, PUT, Blueprint
from framework import Error, Next, Processing, RequestHead, Response
from framework.extractors import Form, Json, QueryParams, RouteParams
from framework.kits import ApiKit


@dataclass(frozen=True)
class Settings:
    database_url: str
    email_base_url: str


class Pool:
    async def close(self) -> None:
        return None


class EmailClient:
    pass


class Templates:
    pass


class Transaction:
    pass


class CurrentUser:
    pass


class Clock:
    pass


class DatabaseError(Exception):
    pass


class AuthError(Exception):
    pass


@dataclass
class SubscribeForm:
    name: str
    email: str


@dataclass
class ConfirmQuery:
    subscription_token: str


@dataclass
class SubscriberPath:
    subscriber_id: int


@dataclass
class IssuePath:
    issue_id: int


@dataclass
class NewIssue:
    title: str
    text_content: str
    html_content: str


@dataclass
class LoginForm:
    username: str
    password: str


async def pool(settings: Settings) -> AsyncIterator[Pool]:
    pool = Pool()
    yield pool
    await pool.close()


def email_client(settings: Settings) -> EmailClient:
    return EmailClient()


def templates() -> Iterator[Templates]:
    yield Templates()


async def transaction(pool: Pool) -> AsyncIterator[Transaction]:
    yield Transaction()


def current_user(transaction: Transaction, head: RequestHead) -> CurrentUser:
    return CurrentUser()


def clock() -> Clock:
    return Clock()


def reject_anonymous(user: CurrentUser) -> Processing:
    return Processing.CONTINUE


async def security_headers(response: Response) -> Response:
    return response.with_header("X-Frame-Options", "DENY")


async def timing(next: Next, clock: Clock) -> Response:
    return await next


def database_error_to_response(error: DatabaseError) -> Response:
    return Response.internal_server_error()


def auth_error_to_response(error: AuthError, templates: Templates) -> Response:
    return Response.see_other("/login")


def record_error(error: Error, clock: Clock) -> None:
    return None


def home(templates: Templates) -> Response:
    return Response.ok()


def health_check() -> Response:
    return Response.ok()


async def subscribe(form: Form[SubscribeForm], transaction: Transaction, client: EmailClient) -> Response:
    return Response.ok()


async def confirm(query: QueryParams[ConfirmQuery], transaction: Transaction) -> Response:
    return Response.ok()


async def unsubscribe_page(query: QueryParams[ConfirmQuery], templates: Templates) -> Response:
    return Response.ok()


async def unsubscribe(query: QueryParams[ConfirmQuery], transaction: Transaction) -> Response:
    return Response.ok()


def login_form(templates: Templates) -> Response:
    return Response.ok()


async def login(form: Form[LoginForm], transaction: Transaction, clock: Clock) -> Response:
    return Response.see_other("/admin/dashboard")


def not_found(templates: Templates) -> Response:
    return Response.not_found()


def dashboard(user: CurrentUser, templates: Templates) -> Response:
    return Response.ok()


async def list_subscribers(user: CurrentUser, transaction: Transaction) -> Response:
    return Response.ok()


async def delete_subscriber(path: RouteParams[SubscriberPath], transaction: Transaction) -> Response:
    return Response.ok()


async def publish(issue: Json[NewIssue], transaction: Transaction, client: EmailClient) -> Response:
    return Response.ok()


async def get_issue(path: RouteParams[IssuePath], transaction: Transaction) -> Response:
    return Response.ok()


async def replace_issue(path: RouteParams[IssuePath], issue: Json[NewIssue], tx: Transaction) -> Response:
    return Response.ok()


async def logout(user: CurrentUser, transaction: Transaction) -> Response:
    return Response.see_other("/login")


def admin_blueprint() -> Blueprint:
    bp = Blueprint()
    bp.request_scoped(current_user).error_handler(auth_error_to_response)
    bp.pre_process(reject_anonymous)
    bp.route(GET, "/dashboard", dashboard)
    bp.route(GET, "/subscribers", list_subscribers)
    bp.route(DELETE, "/subscribers/{subscriber_id}", delete_subscriber)
    bp.route(POST, "/newsletters", publish)
    bp.route(GET, "/newsletters/{issue_id}", get_issue)
    bp.route(PUT, "/newsletters/{issue_id}", replace_issue)
    bp.route(POST, "/logout", logout)
    return bp


def blueprint() -> Blueprint:
    bp = Blueprint()
    ApiKit().register(bp)
    bp.prebuilt(Settings)
    bp.singleton(pool)
    bp.singleton(email_client)
    bp.singleton(templates)
    bp.request_scoped(transaction).error_handler(database_error_to_response)
    bp.transient(clock)
    bp.wrap(framework.telemetry.logger)
    bp.wrap(timing)
    bp.post_process(security_headers)
    bp.error_handler(database_error_to_response)
    bp.error_observer(framework.telemetry.log_error)
    bp.error_observer(record_error)
    bp.route(GET, "/", home)
    bp.route(GET, "/health_check", health_check)
    bp.route(POST, "/subscriptions", subscribe)
    bp.route(GET, "/subscriptions/confirm", confirm)
    bp.route(GET, "/subscriptions/unsubscribe", unsubscribe_page)
    bp.route(POST, "/subscriptions/unsubscribe", unsubscribe)
    bp.route(GET, "/login", login_form)
    bp.route(POST, "/login", login)
    bp.nest_at("/admin", admin_blueprint())
    bp.fallback(not_found)
    return bp
