"""The pieces of activity logging that several commands share: readers, cards, photos, criteria."""
