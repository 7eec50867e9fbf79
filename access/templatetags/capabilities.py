"""`{% may "record_casework" person as can_visit %}`: show a "Record..." link only to those who may.

The answer is worked out once per page and child (access.capabilities.capabilities_for_request).
The services check again when the form is sent: this only decides what is shown.
"""

from django import template

from access.capabilities import Capability, capabilities_for, capabilities_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, capability, child=None) -> bool:
    request = context.get("request")
    if request is not None:
        held = capabilities_for_request(request, child)
    else:
        held = capabilities_for(context.get("user"), child)
    return Capability(capability) in held
