from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.permissions import require_roles
from workforce import lockouts
from workforce.roles import Role


@require_roles(Role.SYSTEM_ADMIN)
@require_http_methods(["GET", "POST"])
def lockouts_page(request):
    if request.method == "POST":
        username = request.POST.get("username", "")[:150]
        if lockouts.account_unlock(actor=request.user, username=username):
            messages.success(request, f"{username} can sign in again")
        return redirect("workforce:lockouts")
    return render(request, "workforce/lockouts.html", {"locked": lockouts.locked_accounts()})
