"""One module per staff page; each adds its routes to `staff.blueprint.blueprint`."""
