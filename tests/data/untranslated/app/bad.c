/* A fixture for check-translatable.py: must be reported. */
static void
f (GtkLabel *label)
{
  gtk_label_set_text (label, "Students below the minimum");
}
