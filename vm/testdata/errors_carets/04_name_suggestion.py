# NameError inside an expression: ^^^ under the name and a "Did you mean" suggestion (identical on 3.11-3.13).
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors_carets/04_name_suggestion.py", line 12, in <module>
#       print(totl + 1)
#             ^^^^
#   NameError: name 'totl' is not defined. Did you mean: 'total'?
# python 3.13 prints exactly the same.
total = 10
print("before")
print(totl + 1)
