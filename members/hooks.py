"""The Wagtail hooks through which apps above members add their parts to a member's pages and data.

members sits below regions and forum and imports neither: they register functions under these names in
their ``wagtail_hooks.py`` (``@hooks.register(members.hooks.PROFILE_SECTIONS)``), and members calls them
with ``wagtail.hooks.get_hooks`` in hook order (the apps' order in ``INSTALLED_APPS``, unless ``order=``
says otherwise). Without them, members works on its own: a profile, an export and a deletion of just the
account.
"""

# fn(request, user) -> iterable of (template name, context): sections of the profile page's main column.
PROFILE_SECTIONS = "members_profile_sections"
# fn(request, user) -> dict: more values for the profile page's template (the map card's position).
PROFILE_CONTEXT = "members_profile_context"
# fn(form): at the end of ``ProfileForm.__init__``; sets initial values of fields the app reads for members.
PROFILE_FORM_INIT = "members_profile_form_init"
# fn(form, cleaned_data): at the end of ``ProfileForm.clean``; adds errors with ``form.add_error``.
PROFILE_FORM_CLEAN = "members_profile_form_clean"
# fn(user, request) -> dict: the app's part of the data export (Art. 15/20 GDPR), keys added in hook order.
EXPORT_DATA = "members_export_data"
# fn(user): inside the account deletion's transaction, before the user row is deleted (anonymise, detach).
BEFORE_ACCOUNT_DELETION = "members_before_account_deletion"
# fn(): at the end of ``members.roles.sync_roles``, once the fixed groups exist (e.g. the regions' teams).
SYNC_ROLES = "members_sync_roles"
