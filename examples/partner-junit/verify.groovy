// Run by the examples module after this project's build, with the local repository it used: a
// partner's machine that had nothing. What the mock must not have brought into it: Micronaut's
// parent POM (the mock's published POM has no parent), or the OpenAPI parser and validator (inside
// the mock's jar, relocated).
def repo = localRepositoryPath as File
def mustBeAbsent = ['io/micronaut', 'io/swagger', 'com/atlassian', 'com/github/java-json-tools']
def found = mustBeAbsent.findAll { new File(repo, it).exists() }
assert found.isEmpty() : "the partner's build fetched ${found}: the mock's POM leaks its build or its dependencies"
def jackson = new File(repo, 'com/fasterxml/jackson/core/jackson-databind').list() as List
assert jackson == ['2.18.2'] : "the partner's build resolved jackson-databind ${jackson}, not only its own 2.18.2"
return true
