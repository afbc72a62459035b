"""allauth's account adapter (``ACCOUNT_ADAPTER``): a new member keeps the language they signed up in, and
every account mail (verification, password reset, notices) goes out in its recipient's language."""

from allauth.account.adapter import DefaultAccountAdapter

from members.language import active, in_language, language_of, language_of_address, url_in


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The language of the sign-up page (/en/konto/signup/ -> English): mails and the site follow it.
        user.language = active()
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """Render subject and body in the language of the account the address belongs to (the active language
        for an address without one), with the links (``…_url``, built in the request's language) in it too."""
        user = context.get("user")
        language = language_of(user) if user is not None else language_of_address(email)
        context = {
            key: url_in(value, language) if key.endswith("_url") and isinstance(value, str) else value
            for key, value in context.items()
        }
        with in_language(language):
            super().send_mail(template_prefix, email, context)
