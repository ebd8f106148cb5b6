"""Export buttons: the CLI's filters in a form; the file is built on disk, then downloaded.

A small export is sent at once; a large one (over BACKGROUND_ROWS) is written in the background
(`staff.export_jobs`) while its page shows the progress, then offers the file: no request lasts
long enough for a proxy's 30-second limit to cut it.
"""

from __future__ import annotations

import tempfile

from flask import abort, current_app, g, redirect, render_template, request, send_file, url_for

import exports
from staff import export_jobs
from staff.blueprint import blueprint
from staff.i18n import lang, networks, t
from staff.scope import current_scope
from storage import staff_admin

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
AUDITED_FIELDS = ("from", "to", "network", "anonymize", "lang", "buddhist_era")
SPOOL_BYTES = 4 * 1024 * 1024  # larger exports go to a temporary file, so memory stays flat
BACKGROUND_ROWS = 10_000  # about 2 s of XLSX: more than this is written in the background


def _kinds() -> list[tuple[str, bool]]:
    return [
        (name, not getattr(module, "PENDING", None)) for name, module in exports.registry().items()
    ]


def _reason(exc: Exception) -> str:
    """Why an export was refused, in the page's language (the CLI's English stays for the CLI)."""
    if isinstance(exc, exports.FilterError):
        return t(f"export_{exc.problem}", value=exc.value)
    if isinstance(exc, exports.PseudonymSecretMissing):
        return t("export_no_pseudonym_secret")
    return t("export_unknown_kind")


@blueprint.get("/export")
def export():
    return render_template("staff/export.html", kinds=_kinds(), error=None, form={}), 200


@blueprint.post("/export")
def export_download():
    """Build the export the form asks for and send it as a download."""
    form = request.form
    bot = current_app.extensions["bot"]
    name, fmt = form.get("kind", ""), form.get("format", "xlsx")
    # send_file closes it once the download is sent.
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    try:
        if fmt not in exports.FORMATS:
            raise exports.FilterError(fmt, "bad_format", fmt)
        filters = exports.make_filters(
            networks(), date_from=form.get("from"), date_to=form.get("to"),
            network=form.get("network") or None, anonymize=form.get("anonymize") == "on",
            lang=form.get("lang") or lang(), buddhist_era=form.get("buddhist_era") == "on",
            today=bot.clock().astimezone(bot.config.zone).date(),
            scope=current_scope(),
        )  # fmt: skip
        total = exports.count(name, filters, db=bot.db, config=bot.config)
        job = None
        if total > BACKGROUND_ROWS:
            spool.close()
            job = export_jobs.start(bot, g.staff_email, name, fmt, filters, total)
        else:
            exports.write(name, fmt, spool, filters, db=bot.db, config=bot.config, now=bot.clock())
    except (LookupError, exports.FilterError, exports.PseudonymSecretMissing) as exc:
        spool.close()
        error = t("export_failed", reason=_reason(exc))
        page = render_template("staff/export.html", kinds=_kinds(), error=error, form=form)
        return page, 400
    with bot.db.unit_of_work() as session:
        # The filters, never the rows: enough to know who took what out, and when.
        staff_admin.record(
            session, g.staff_email, "export", at=bot.clock(), kind=name, format=fmt,
            **{key: form.get(key) for key in AUDITED_FIELDS if form.get(key)},
        )  # fmt: skip
    if job is not None:
        return redirect(url_for("staff.export_job", job_id=job.id), 303)
    spool.seek(0)
    return send_file(
        spool,
        mimetype=MIMETYPES[fmt],
        as_attachment=True,
        download_name=exports.filename(name, fmt, filters),
    )


def _job(job_id: str) -> export_jobs.Job:
    bot = current_app.extensions["bot"]
    job = export_jobs.load(bot.config.instance_dir, job_id, g.staff_email, bot.clock())
    if job is None:
        abort(404)  # unknown, expired, or another account's
    return job


@blueprint.get("/export/jobs/<job_id>")
def export_job(job_id: str):
    """How far a background export got; the page refreshes itself until the file is ready."""
    return render_template("staff/export_job.html", job=_job(job_id))


@blueprint.get("/export/jobs/<job_id>/file")
def export_job_file(job_id: str):
    job = _job(job_id)
    if job.state != export_jobs.READY:
        abort(404)
    path = export_jobs.file_of(current_app.extensions["bot"].config.instance_dir, job)
    return send_file(path, mimetype=MIMETYPES[job.fmt], as_attachment=True,
                     download_name=job.filename)  # fmt: skip
