/**
 * Every kind of character a person can type into a form field that the command syntax treats
 * specially, or that a platform might change on the way: quotes of every kind (straight, curly,
 * angle, single), backslashes, `=`, accents, emoji. One line, single spaces: free text is cleaned of
 * control characters and runs of spaces by the commands themselves, whatever the platform.
 */
export const TYPED_CHARACTERS = `Sala "A" 'B' “C” ”D“ «E» »F« ‘G’ ’H‘ \\ \\" x=y =z a="b" ñáéíóúÜ ¿¡ 😀🇪🇨 fin"`;
