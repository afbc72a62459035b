"""The event's admin form, which the write API (v3) builds on too."""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError

from regions.admin_forms import RegionScopedPageForm


class EventPageForm(RegionScopedPageForm):
    """A moderator keeps the regions of other teams on an event (``RegionScopedPageForm.keeps_other_regions``):
    their tagging is what gives those teams their rights on it.

    ``EventPage.clean`` names the field each problem is about (``repeat_until``, ``end``, …). The admin's form
    has them all; the API's is narrowed to the writable fields a request sends (a PATCH of ``start`` alone), and
    Django refuses an error on a field the form lacks (a ValueError, a 500). Such an error becomes one of the
    whole form, led by the field's label, so the API answers 422 with the problem named."""

    keeps_other_regions = True

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict"):
            placed = {}
            for name, errors in error.error_dict.items():
                if name in self.fields or name == NON_FIELD_ERRORS:
                    placed.setdefault(name, []).extend(errors)
                else:
                    placed.setdefault(NON_FIELD_ERRORS, []).extend(self._labelled(name, errors))
            error = ValidationError(placed)
        super().add_error(field, error)

    def _labelled(self, name, errors):
        try:
            label = self.instance._meta.get_field(name).verbose_name
        except FieldDoesNotExist:
            label = name
        return [f"{label}: {message}" for error in errors for message in error]
