"""An Application for every submission sent before applications had a status (each starts as "new")."""

from django.db import migrations


def first_answer(answers, word):
    for key, value in answers.items():
        if word in key and isinstance(value, str) and value.strip():
            return value.strip()[:255]
    return ""


def create_applications(apps, schema_editor):
    FormSubmission = apps.get_model("wagtailforms", "FormSubmission")
    FormField = apps.get_model("region_applications", "RegionApplicationFormField")
    Application = apps.get_model("region_applications", "Application")
    email_fields = {}
    for field in FormField.objects.filter(field_type="email").order_by("sort_order", "pk"):
        email_fields.setdefault(field.page_id, field.clean_name)
    submissions = FormSubmission.objects.filter(
        page_id__in=apps.get_model("region_applications", "RegionApplicationPage").objects.values("pk"),
        application__isnull=True,
    )
    for submission in submissions:
        answers = submission.form_data or {}
        Application.objects.create(
            submission=submission,
            email=str(answers.get(email_fields.get(submission.page_id), "") or "")[:254],
            name=first_answer(answers, "name"),
            region_name=first_answer(answers, "region"),
        )


class Migration(migrations.Migration):
    dependencies = [("region_applications", "0003_application_status")]

    operations = [migrations.RunPython(create_applications, migrations.RunPython.noop)]
