from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "background"
    verbose_name = "Hintergrundaufgaben"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_tasks.signals import task_finished

        from background.mail import forget_sent_message

        task_finished.connect(forget_sent_message, dispatch_uid="background-forget-sent-message")
