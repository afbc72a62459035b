app_name = "regions"
urlpatterns = []
